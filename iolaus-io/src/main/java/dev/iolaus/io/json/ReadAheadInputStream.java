package dev.iolaus.io.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads (and so decompresses) its source on a background thread, handing chunks over a small bounded queue.
 *
 * <p>Why: inflating gzip costs about as much as parsing the JSON it holds; on two threads a {@code .jsonl.gz} file
 * reads nearly as fast as a plain one. Errors of the source, including the {@link java.io.EOFException} of a
 * truncated gzip stream, are rethrown to the reader after the bytes that came before them, in order.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK = 1 << 18;
    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private record Chunk(byte[] data, int length, IOException error) {
    }

    private final InputStream source;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private Chunk current;
    private int pos;
    private boolean done;
    private volatile boolean closed;

    ReadAheadInputStream(InputStream source) {
        this.source = source;
        this.thread = new Thread(this::pump, "iolaus-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump() {
        try {
            while (true) {
                byte[] buf = new byte[CHUNK];
                int n = 0;
                int k = 0;
                while (n < CHUNK && (k = source.read(buf, n, CHUNK - n)) >= 0) {
                    n += k;
                }
                if (n > 0) {
                    queue.put(new Chunk(buf, n, null));
                }
                if (k < 0) {
                    queue.put(END);
                    return;
                }
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            // A source closed under our feet (the reader was closed early) fails this way; otherwise pass it on.
            if (!closed) {
                fail(new IOException(e.toString(), e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the reader
        }
    }

    private void fail(IOException e) {
        try {
            queue.put(new Chunk(null, 0, e));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length) {
            if (done) {
                return -1;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading ahead");
            }
            pos = 0;
            if (current.error != null) {
                done = true;
                IOException e = current.error;
                current = null;
                throw e;
            }
            if (current == END) {
                done = true;
                return -1;
            }
        }
        int k = Math.min(len, current.length - pos);
        System.arraycopy(current.data, pos, b, off, k);
        pos += k;
        return k;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        source.close();
    }
}
