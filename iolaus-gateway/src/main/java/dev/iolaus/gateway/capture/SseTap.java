package dev.iolaus.gateway.capture;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads usage out of a server-sent-event stream as it passes, chunk by chunk, without holding the stream.
 *
 * <p>In <em>observe</em> mode every chunk is forwarded as received; complete {@code data:} lines that mention
 * {@code "usage"} are parsed. In <em>strip</em> mode (the gateway added {@code stream_options.include_usage} for a
 * client that did not ask for it) whole events are forwarded as they complete, the extra usage-only chunk is taken
 * out, and the {@code "usage":null} field OpenAI then adds to every chunk is removed, so the client receives the
 * bytes it would have received without the option.
 */
public final class SseTap {
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] USAGE = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    private final UsageMeter meter;
    private final boolean strip;
    private byte[] pending = new byte[256];
    private int pendingLen;
    private int lineStart;

    /** A tap feeding the meter; {@code strip} as described above. */
    public SseTap(UsageMeter meter, boolean strip) {
        this.meter = meter;
        this.strip = strip;
    }

    /** Processes one upstream chunk; returns what to send to the client now (possibly empty). */
    public Buffer process(Buffer chunk) {
        byte[] b = chunk.getBytes();
        if (!strip) {
            observeLines(b);
            return chunk;
        }
        Buffer out = null;
        for (byte x : b) {
            append(x);
            if (x == '\n' && endsEvent()) {
                byte[] event = java.util.Arrays.copyOf(pending, pendingLen);
                pendingLen = 0;
                lineStart = 0;
                byte[] keep = filterEvent(event);
                if (keep != null) {
                    if (out == null) {
                        out = Buffer.buffer(keep.length);
                    }
                    out.appendBytes(keep);
                }
            } else if (x == '\n') {
                lineStart = pendingLen;
            }
        }
        return out == null ? Buffer.buffer() : out;
    }

    /** At end of stream: whatever incomplete event is left (forwarded as is). */
    public Buffer flush() {
        if (strip && pendingLen > 0) {
            Buffer rest = Buffer.buffer(java.util.Arrays.copyOf(pending, pendingLen));
            pendingLen = 0;
            return rest;
        }
        if (!strip && pendingLen > 0) {
            checkLine(pending, 0, pendingLen);
            pendingLen = 0;
        }
        return Buffer.buffer();
    }

    private void observeLines(byte[] b) {
        for (byte x : b) {
            if (x == '\n') {
                checkLine(pending, 0, pendingLen);
                pendingLen = 0;
            } else {
                append(x);
            }
        }
    }

    private void checkLine(byte[] a, int off, int len) {
        if (len > DATA.length && startsWith(a, off, DATA) && indexOf(a, off, len, USAGE) >= 0) {
            int s = off + DATA.length;
            meter.observe(a, s, off + len - s);
        }
    }

    private boolean endsEvent() {
        // The line just ended is empty ("\n" or "\r\n"): an event boundary.
        int lineLen = pendingLen - lineStart;
        return lineLen == 1 || (lineLen == 2 && pending[lineStart] == '\r');
    }

    private byte[] filterEvent(byte[] event) {
        String s = new String(event, StandardCharsets.UTF_8);
        if (!s.contains("\"usage\"")) {
            return event;
        }
        for (String line : s.split("\n")) {
            String l = line.strip();
            if (l.startsWith("data:")) {
                byte[] payload = l.substring(5).getBytes(StandardCharsets.UTF_8);
                meter.observe(payload, 0, payload.length);
            }
        }
        String compact = s.replace(" ", "");
        if (compact.contains("\"choices\":[]") && !compact.contains("\"usage\":null")) {
            return null;
        }
        return s.replace(",\"usage\":null", "").replace("\"usage\":null,", "").getBytes(StandardCharsets.UTF_8);
    }

    private void append(byte x) {
        if (pendingLen == pending.length) {
            pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
        pending[pendingLen++] = x;
    }

    private static boolean startsWith(byte[] a, int off, byte[] p) {
        for (int i = 0; i < p.length; i++) {
            if (a[off + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first occurrence of {@code p} in {@code a[off, off+len)}, or -1. */
    public static int indexOf(byte[] a, int off, int len, byte[] p) {
        outer:
        for (int i = off; i <= off + len - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (a[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
