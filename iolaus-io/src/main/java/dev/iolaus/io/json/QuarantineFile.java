package dev.iolaus.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A {@link Quarantine} writing one JSON object per rejected line; safe to share between readers. */
final class QuarantineFile implements Quarantine {
    private final OutputStream out;
    private final JsonGenerator g;

    QuarantineFile(Path path) throws IOException {
        this.out = JsonlWriter.openStream(path, JsonlWriter.DEFAULT_GZIP_LEVEL);
        this.g = Json.FACTORY.createGenerator(out);
    }

    @Override
    public synchronized void reject(Rejection r) {
        try {
            g.writeStartObject();
            g.writeStringField("source", r.source());
            g.writeNumberField("line", r.line());
            g.writeStringField("reason", r.reason());
            g.writeStringField("raw", r.raw());
            g.writeEndObject();
            g.writeRaw('\n');
            // Flushed per line: quarantined lines are rare, and must survive a crash of the run that found them.
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write quarantine: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            g.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close quarantine: " + e.getMessage(), e);
        }
    }
}
