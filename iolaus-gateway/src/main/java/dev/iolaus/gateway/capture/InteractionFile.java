package dev.iolaus.gateway.capture;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.Json;
import dev.iolaus.model.Interaction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * An engine hook that appends every interaction to a JSONL file (the iolaus-io format): what {@code iolaus serve}
 * does until an engine is attached, and a record of traffic for {@code iolaus eval} and the detectors offline.
 *
 * <p>Called from the capture consumer thread only. One JSON generator writes straight into the file's buffer (no
 * per-event generator, byte array or copy). Flushes at most every 200 ms, and on {@link #close()}.
 */
public final class InteractionFile implements Consumer<Interaction>, AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final JsonGenerator gen;
    private long lastFlush = System.nanoTime();
    private final java.util.concurrent.ScheduledExecutorService flusher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("iolaus-interactions-flush").unstarted(r));

    /** Appends to this file (created with its folder when missing). */
    public InteractionFile(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 16);
            gen = Json.FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        // Quiet periods still reach the disk within a fraction of a second.
        flusher.scheduleWithFixedDelay(this::flushQuietly, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private synchronized void flushQuietly() {
        try {
            gen.flush();
            lastFlush = System.nanoTime();
        } catch (IOException e) {
            // Reported by the next write.
        }
    }

    @Override
    public synchronized void accept(Interaction i) {
        try {
            EventCodecs.INTERACTION.write(gen, i);
            gen.writeRaw('\n');
            long now = System.nanoTime();
            if (now - lastFlush > 200_000_000L) {
                gen.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        flusher.shutdownNow();
        gen.flush();
        out.close();
    }
}
