package dev.iolaus.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Writes records as JSON Lines, gzip-compressed when the file name ends in {@code .gz}.
 *
 * <p>Output is deterministic: the codecs fix the field order, and gzip output is cut into fixed-size members
 * compressed in parallel with no time stamp ({@link ParallelGzipOutputStream}), so the same records give the same
 * bytes on any machine. Not thread-safe. I/O errors are thrown as {@link UncheckedIOException} so the
 * writer can be used from lambdas and event callbacks.
 *
 * @param <T> record type
 */
public final class JsonlWriter<T> implements AutoCloseable {
    /**
     * Default gzip level: 1 (fastest). Measured on ~1 KB interaction lines: level 1 writes ~3.3x faster than level 6
     * for files ~25% larger (see {@code docs/benchmarks.md}); writing speed matters more for simulator output.
     */
    public static final int DEFAULT_GZIP_LEVEL = 1;
    private static final int BUFFER = 1 << 16;
    /** Compression threads for {@code .gz} output; the bytes written do not depend on it. */
    private static final int GZIP_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final JsonCodec<T> codec;
    private final OutputStream out;
    private final JsonGenerator g;
    private long written;

    private JsonlWriter(JsonCodec<T> codec, OutputStream out) throws IOException {
        this.codec = codec;
        this.out = out;
        this.g = Json.FACTORY.createGenerator(out);
    }

    /** Opens (creates or truncates) a file with the default gzip level; parent folders are created. */
    public static <T> JsonlWriter<T> open(Path path, JsonCodec<T> codec) {
        return open(path, codec, DEFAULT_GZIP_LEVEL);
    }

    /** Opens a file, compressing at {@code gzipLevel} (1..9) when its name ends in {@code .gz}. */
    public static <T> JsonlWriter<T> open(Path path, JsonCodec<T> codec, int gzipLevel) {
        try {
            return new JsonlWriter<>(codec, openStream(path, gzipLevel));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes to a stream (uncompressed, buffered); {@link #close()} closes the stream. */
    public static <T> JsonlWriter<T> to(OutputStream out, JsonCodec<T> codec) {
        try {
            return new JsonlWriter<>(codec, new BufferedOutputStream(out, BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A buffered output stream to the file, gzip when the name ends in {@code .gz}. */
    static OutputStream openStream(Path path, int gzipLevel) throws IOException {
        if (gzipLevel < Deflater.BEST_SPEED || gzipLevel > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("gzip level must be in 1..9, was " + gzipLevel);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream file = Files.newOutputStream(path);
        if (path.getFileName().toString().endsWith(".gz")) {
            return new ParallelGzipOutputStream(new BufferedOutputStream(file, BUFFER), gzipLevel, GZIP_THREADS);
        }
        return new BufferedOutputStream(file, BUFFER);
    }

    /** Appends one record and a newline. */
    public void write(T value) {
        try {
            codec.write(g, value);
            g.writeRaw('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("write failed after " + written + " records: " + e.getMessage(), e);
        }
    }

    /** Records written so far. */
    public long written() {
        return written;
    }

    /** Pushes buffered bytes to the file (not a durability guarantee for gzip: the deflater keeps its window). */
    public void flush() {
        try {
            g.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Finishes the gzip stream, if any, and closes the file. */
    @Override
    public void close() {
        try {
            g.close();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("close failed: " + e.getMessage(), e);
        }
    }

}
