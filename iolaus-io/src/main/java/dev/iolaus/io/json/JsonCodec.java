package dev.iolaus.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Hand-written streaming JSON codec of one event type: fixed field order on write, strict validation on read.
 *
 * <p>The four codecs are in {@link EventCodecs}. They are stateless and thread-safe.
 *
 * @param <T> the record type
 */
public interface JsonCodec<T> extends LineDecoder<T> {

    /** Short type name used in messages and on the command line: {@code interaction}, {@code account}, ... */
    String typeName();

    /** Writes the value as one JSON object; null components are omitted. */
    void write(JsonGenerator g, T value) throws IOException;

    /**
     * Reads one object.
     *
     * @param p parser whose current token is {@code START_OBJECT}
     * @throws InvalidRecordException when a field is missing, of the wrong type or out of range
     */
    T read(JsonParser p) throws IOException;

    @Override
    default T decode(JsonParser p, long lineNumber) throws IOException {
        return read(p);
    }
}
