package dev.iolaus.server.live;

import dev.iolaus.detect.engine.EngineListener;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.Json;
import dev.iolaus.model.Decision;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends every decision the live engine makes (enforced and shadow) to a JSONL file in the iolaus-io decision
 * format: the audit trail of what the gateway was told to enforce, and why (reason, evidence reference, score).
 *
 * <p>Called on the engine thread. Decisions are rare next to interactions, so each one is flushed at once.
 */
final class DecisionLog implements EngineListener, AutoCloseable {
    private final Path file;
    private final OutputStream out;

    DecisionLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 14);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void onDecision(Decision d) {
        try {
            out.write(Json.writeBytes(EventCodecs.DECISION, d));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
