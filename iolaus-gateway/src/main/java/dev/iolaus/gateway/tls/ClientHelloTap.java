package dev.iolaus.gateway.tls;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects the first bytes a TLS server reads from one connection until they hold the whole ClientHello, then
 * computes its JA4 once.
 *
 * <p>Fed with exactly the bytes the TLS engine consumed, so the engine's own buffering decides the pace; memory is
 * bounded by {@link ClientHello#MAX_MESSAGE} plus record headers and released when the hello is complete. Not
 * thread-safe: one connection's engine is driven by one thread at a time.
 */
final class ClientHelloTap {
    private static final int MAX_BYTES = ClientHello.MAX_MESSAGE + 8 * 5;
    private byte[] buf;
    private int len;
    private boolean done;
    private String ja4;

    /** True once the hello was seen whole (or the bytes were found not to be one): nothing more to read. */
    boolean done() {
        return done;
    }

    /** The JA4 computed, or null (not yet, or the hello was not parseable). */
    String ja4() {
        return ja4;
    }

    /** Appends {@code n} bytes starting at {@code from}'s current position (which is left unchanged). */
    void feed(ByteBuffer from, int n) {
        if (done || n <= 0) {
            return;
        }
        if (len + n > MAX_BYTES) {
            finish(null);
            return;
        }
        if (buf == null) {
            // Allocated on the first bytes, sized for a typical hello (one record of a few hundred bytes).
            buf = new byte[Math.max(n, 1024)];
        } else if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(MAX_BYTES, Math.max(len + n, buf.length * 2)));
        }
        from.duplicate().get(buf, len, n);
        len += n;
        switch (ClientHello.reassemble(buf, len)) {
            case ClientHello.Reassembly.Complete c -> {
                ClientHello hello = ClientHello.parseMessage(c.message());
                finish(hello == null ? null : Ja4.of(hello));
            }
            case ClientHello.Reassembly.Invalid i -> finish(null);
            case ClientHello.Reassembly.Incomplete i -> {
            }
        }
    }

    /** Gives up (the handshake failed or moved on without a readable hello). */
    void abandon() {
        if (!done) {
            finish(null);
        }
    }

    private void finish(String value) {
        ja4 = value;
        done = true;
        buf = null;
        len = 0;
    }
}
