package dev.iolaus.io.json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where rejected lines go, so that an invalid line never stops a run and is never lost silently.
 *
 * <p>{@link #toFile(Path)} writes JSONL records {@code {"source": ..., "line": N, "reason": ..., "raw": ...}};
 * {@link #counting()} only counts (the reader's {@link ReadStats} still reports them).
 */
public interface Quarantine extends AutoCloseable {

    /**
     * One rejected line.
     *
     * @param source file name (or stream name) the line came from
     * @param line 1-based line number
     * @param reason why it was rejected
     * @param raw the line as read (decoded as UTF-8, malformed bytes replaced)
     */
    record Rejection(String source, long line, String reason, String raw) {
    }

    /** Records one rejected line. */
    void reject(Rejection rejection);

    @Override
    default void close() {
    }

    /** A quarantine that keeps nothing; rejected lines are only counted by the reader. */
    static Quarantine counting() {
        return r -> { };
    }

    /** A quarantine that appends to a JSONL file (created or truncated; {@code .gz} compresses). */
    static Quarantine toFile(Path path) throws IOException {
        return new QuarantineFile(path);
    }

    /** A quarantine that keeps rejections in memory, for tests and small checks. */
    static Collecting collecting() {
        return new Collecting();
    }

    /** In-memory quarantine. */
    final class Collecting implements Quarantine {
        private final List<Rejection> rejections = new ArrayList<>();

        @Override
        public synchronized void reject(Rejection rejection) {
            rejections.add(rejection);
        }

        /** A copy of what was rejected so far. */
        public synchronized List<Rejection> rejections() {
            return List.copyOf(rejections);
        }
    }
}
