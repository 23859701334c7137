package dev.iolaus.io.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns one JSON object (one JSONL line) into a value; what {@link JsonlReader} drives.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface LineDecoder<T> {

    /**
     * Reads the object the parser is on.
     *
     * @param p parser whose current token is {@code START_OBJECT}; the decoder consumes up to its {@code END_OBJECT}
     * @param lineNumber 1-based line number in the source, for decoders that synthesise ids
     * @throws InvalidRecordException when the object is not a valid record (the line is quarantined)
     */
    T decode(JsonParser p, long lineNumber) throws IOException;
}
