package dev.iolaus.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One-value JSON helpers around the codecs, and the shared {@link JsonFactory}. */
public final class Json {
    /** Shared factory: no root separator (writers add the newline themselves), targets are closed by their owner. */
    public static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private Json() {
    }

    /** The value as one line of JSON, without newline. */
    public static <T> String write(JsonCodec<T> codec, T value) {
        return new String(writeBytes(codec, value), StandardCharsets.UTF_8);
    }

    /** The value as UTF-8 JSON bytes, without newline. */
    public static <T> byte[] writeBytes(JsonCodec<T> codec, T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            codec.write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Parses one JSON object.
     *
     * @throws InvalidRecordException with the reason when the text is not one valid record
     */
    public static <T> T read(LineDecoder<T> decoder, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return read(decoder, b, 0, b.length, 1);
    }

    /**
     * Parses one JSON object from UTF-8 bytes: the per-line step of {@link JsonlReader}.
     *
     * @throws InvalidRecordException with the reason when the bytes are not one valid record
     */
    public static <T> T read(LineDecoder<T> decoder, byte[] buf, int off, int len, long lineNumber) {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidRecordException(t == null ? "empty line" : "not a JSON object");
            }
            T v = decoder.decode(p, lineNumber);
            // Databind's readTree clears the current token after the object; streaming codecs stop on END_OBJECT.
            if (p.currentToken() != JsonToken.END_OBJECT && p.currentToken() != null) {
                throw new IllegalStateException("decoder did not consume the whole object");
            }
            if (p.nextToken() != null) {
                throw new InvalidRecordException("trailing content after the JSON object");
            }
            return v;
        } catch (JsonEOFException e) {
            throw new InvalidRecordException("not JSON: unexpected end of line (truncated?)");
        } catch (JsonParseException e) {
            throw new InvalidRecordException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRecordException("unreadable: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // Model constructors validate too (e.g. negative token counts); their message is the reason.
            throw new InvalidRecordException("invalid value: " + e.getMessage());
        }
    }
}
