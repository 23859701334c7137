package dev.iolaus.io.json;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A gzip stream compressed in fixed 1 MiB blocks, each an independent gzip member, on worker threads (as pigz does).
 *
 * <p>Why: deflate at level 1 runs at ~120 MB/s on one core, slower than the JSON encoder, so a single-threaded gzip
 * writer caps event files near 120k records/s. Concatenated members are a valid gzip file ({@code zcat}, Python's
 * gzip and {@link java.util.zip.GZIPInputStream} read them). Block boundaries depend only on the byte count, so the
 * bytes are the same whatever the thread count or timing: same input, same file. {@link #flush()} does not cut a
 * block, for the same reason.
 */
final class ParallelGzipOutputStream extends OutputStream {
    static final int BLOCK = 1 << 20;

    private final OutputStream out;
    private final int level;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
    private byte[] block = new byte[BLOCK];
    private int n;
    private boolean anyBlock;
    private boolean closed;

    /**
     * @param out destination, closed by {@link #close()}
     * @param level deflate level 1..9
     * @param threads compression threads; 1 compresses on the caller's thread
     */
    ParallelGzipOutputStream(OutputStream out, int level, int threads) {
        this.out = out;
        this.level = level;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "iolaus-gzip");
            t.setDaemon(true);
            return t;
        }) : null;
        this.maxInFlight = Math.max(2, threads * 2);
    }

    @Override
    public void write(int b) throws IOException {
        if (n == BLOCK) {
            submit();
        }
        block[n++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (n == BLOCK) {
                submit();
            }
            int k = Math.min(len, BLOCK - n);
            System.arraycopy(b, off, block, n, k);
            n += k;
            off += k;
            len -= k;
        }
    }

    private void submit() throws IOException {
        byte[] data = block;
        int len = n;
        anyBlock = true;
        if (pool == null) {
            out.write(GzipMember.of(data, len, level));
        } else {
            inFlight.add(pool.submit(() -> GzipMember.of(data, len, level)));
            while (inFlight.size() > maxInFlight) {
                drainOne();
            }
        }
        block = pool == null ? block : new byte[BLOCK];
        n = 0;
    }

    private void drainOne() throws IOException {
        try {
            out.write(inFlight.poll().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("gzip compression failed: " + e.getCause(), e.getCause());
        }
    }

    /** Writes finished blocks and flushes the destination; the block being filled stays open. */
    @Override
    public void flush() throws IOException {
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            drainOne();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (n > 0 || !anyBlock) {
                submit(); // an empty file still gets one (empty) member, so every gzip reader accepts it
            }
            while (!inFlight.isEmpty()) {
                drainOne();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            out.close();
        }
    }
}
