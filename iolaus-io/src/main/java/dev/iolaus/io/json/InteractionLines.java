package dev.iolaus.io.json;

import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Usage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes interactions as JSON lines straight into a byte array, byte for byte what {@link InteractionCodec} writes
 * through Jackson (a test compares both on simulated and hand-made events). Used where interactions are written in
 * bulk (the simulator's output).
 *
 * <p>Why not Jackson here: encoding took a third of the simulator's writer threads' CPU (docs/benchmarks.md,
 * "Simulator"), most of it widening and escaping message text character by character; this encodes the text once
 * with the JDK's intrinsic UTF-8 encoder and copies runs that need no escape. Reading stays with Jackson.
 */
public final class InteractionLines {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** For ASCII bytes: 0 = copy, 'u' = \\u00XX, anything else = a two-character escape with that letter. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 32; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\f'] = 'f';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
    }

    private byte[] buf;
    private int size;

    /** An encoder with room for about {@code capacity} bytes (it grows as needed). */
    public InteractionLines(int capacity) {
        buf = new byte[Math.max(256, capacity)];
    }

    /** Forgets what was encoded, keeping the array. */
    public void reset() {
        size = 0;
    }

    /** The array holding the encoded lines in {@code [0, size())}. */
    public byte[] array() {
        return buf;
    }

    /** Bytes encoded since the last {@link #reset()}. */
    public int size() {
        return size;
    }

    /** Appends one interaction as a JSON object and a newline. */
    public void append(Interaction v) {
        raw("{\"event_id\":");
        string(v.eventId());
        raw(",\"time\":");
        string(Rfc3339.format(v.time()));
        raw(",\"account_id\":");
        string(v.accountId());
        optional(",\"api_key_id\":", v.apiKeyId());
        optional(",\"org_id\":", v.orgId());
        optional(",\"client_ip\":", v.clientIp());
        optional(",\"user_agent\":", v.userAgent());
        ClientFingerprint c = v.client();
        if (c.headerOrderHash() != null || c.ja4() != null) {
            raw(",\"client\":{");
            boolean first = field(true, "\"header_order_hash\":", c.headerOrderHash());
            field(first, "\"ja4\":", c.ja4());
            raw("}");
        }
        raw(",\"flavour\":");
        string(v.flavour().wire());
        optional(",\"model\":", v.model());
        params(v.params());
        raw(",\"messages\":[");
        boolean firstMessage = true;
        for (Message m : v.messages()) {
            raw(firstMessage ? "{\"role\":" : ",{\"role\":");
            firstMessage = false;
            string(m.role().wire());
            if (m.text() != null) {
                raw(",\"text\":");
                text(m.text());
            }
            raw(",\"text_hash\":");
            string(m.textHash());
            raw(",\"length\":");
            number(m.length());
            raw("}");
        }
        raw("]");
        optional(",\"conversation_id\":", v.conversationId());
        optional(",\"end_user\":", v.endUserId());
        Usage u = v.usage();
        raw(",\"usage\":{\"input_tokens\":");
        number(u.inputTokens());
        raw(",\"output_tokens\":");
        number(u.outputTokens());
        if (u.reasoningTokens() != 0) {
            raw(",\"reasoning_tokens\":");
            number(u.reasoningTokens());
        }
        raw("},\"latency_ms\":");
        number(v.latencyMs());
        raw(",\"status\":");
        number(v.status());
        optional(",\"error_type\":", v.errorType());
        raw("}\n");
    }

    private void params(RequestParams p) {
        if (p.temperature() == null && p.topP() == null && p.maxTokens() == null && p.n() == null
                && p.stream() == null && p.toolNames().isEmpty() && p.responseFormat() == null) {
            return;
        }
        raw(",\"params\":{");
        boolean first = true;
        if (p.temperature() != null) {
            first = name(first, "\"temperature\":");
            decimal(p.temperature());
        }
        if (p.topP() != null) {
            first = name(first, "\"top_p\":");
            decimal(p.topP());
        }
        if (p.maxTokens() != null) {
            first = name(first, "\"max_tokens\":");
            number(p.maxTokens());
        }
        if (p.n() != null) {
            first = name(first, "\"n\":");
            number(p.n());
        }
        if (p.stream() != null) {
            first = name(first, "\"stream\":");
            raw(p.stream() ? "true" : "false");
        }
        if (!p.toolNames().isEmpty()) {
            first = name(first, "\"tool_names\":[");
            for (int i = 0; i < p.toolNames().size(); i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                string(p.toolNames().get(i));
            }
            put((byte) ']');
        }
        field(first, "\"response_format\":", p.responseFormat());
        put((byte) '}');
    }

    private boolean name(boolean first, String quotedNameAndColon) {
        if (!first) {
            put((byte) ',');
        }
        raw(quotedNameAndColon);
        return false;
    }

    /** Writes {@code "name":"value"} when value is non-null; returns whether nothing has been written yet. */
    private boolean field(boolean first, String quotedNameAndColon, String value) {
        if (value == null) {
            return first;
        }
        name(first, quotedNameAndColon);
        string(value);
        return false;
    }

    private void optional(String commaNameColon, String value) {
        if (value != null) {
            raw(commaNameColon);
            string(value);
        }
    }

    /** ASCII text with nothing to escape (field names and punctuation). */
    @SuppressWarnings("deprecation") // the byte-copying getBytes is exact for ASCII and skips an encoder
    private void raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        ascii.getBytes(0, n, buf, size);
        size += n;
    }

    /**
     * Any string but message text: Jackson writes every surrogate of such a string (paired or not) as a
     * {@code \\uXXXX} escape, so strings holding surrogates take the character-by-character path.
     */
    private void string(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                surrogates(s);
                return;
            }
        }
        text(s);
    }

    private void surrogates(String s) {
        put((byte) '"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                escaped(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
                run = i + 1;
                ensure(6);
                buf[size++] = '\\';
                buf[size++] = 'u';
                for (int shift = 12; shift >= 0; shift -= 4) {
                    buf[size++] = HEX[(c >> shift) & 0xF];
                }
            }
        }
        escaped(s.substring(run).getBytes(StandardCharsets.UTF_8));
        put((byte) '"');
    }

    /** Message text, as the codec writes it: UTF-8 bytes (unpaired surrogates become '?', as getBytes does). */
    private void text(String s) {
        put((byte) '"');
        escaped(s.getBytes(StandardCharsets.UTF_8));
        put((byte) '"');
    }

    /** UTF-8 bytes with JSON's escapes, copying the runs that need none. */
    private void escaped(byte[] b) {
        ensure(b.length * 6);
        byte[] out = buf;
        int o = size;
        int run = 0;
        int i = 0;
        int n = b.length;
        while (i < n) {
            // eight bytes at a time while none is a control character, a quote or a backslash (the common case)
            while (i + 8 <= n && clean((long) LONG.get(b, i))) {
                i += 8;
            }
            if (i == n) {
                break;
            }
            int x = b[i];
            if (x >= 0 && ESCAPE[x] != 0) {
                System.arraycopy(b, run, out, o, i - run);
                o += i - run;
                run = i + 1;
                byte e = ESCAPE[x];
                out[o++] = '\\';
                if (e == 'u') {
                    out[o++] = 'u';
                    out[o++] = '0';
                    out[o++] = '0';
                    out[o++] = HEX[x >> 4];
                    out[o++] = HEX[x & 0xF];
                } else {
                    out[o++] = e;
                }
            }
            i++;
        }
        System.arraycopy(b, run, out, o, n - run);
        size = o + n - run;
    }

    /**
     * True when none of the eight bytes is below 0x20, a quote or a backslash (bytes of multi-byte UTF-8 characters,
     * 0x80 and above, never need escaping). Word-at-a-time tests from "Bit Twiddling Hacks" (haszero / hasless).
     */
    private static boolean clean(long w) {
        long high = w & 0x8080808080808080L;
        long ascii = w & ~0x8080808080808080L | high >>> 7 << 5;
        // ascii: multi-byte bytes turned into harmless 0x20..0x7F values, so only ASCII bytes can match below
        long below = (ascii - 0x2020202020202020L) & ~ascii;
        long quote = ascii ^ 0x2222222222222222L;
        long slash = ascii ^ 0x5C5C5C5C5C5C5C5CL;
        long zq = (quote - 0x0101010101010101L) & ~quote;
        long zs = (slash - 0x0101010101010101L) & ~slash;
        return ((below | zq | zs) & 0x8080808080808080L) == 0;
    }

    private void number(long v) {
        raw(Long.toString(v));
    }

    private void decimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // Jackson's default (QUOTE_NON_NUMERIC_NUMBERS): non-finite numbers as strings
            string(Double.toString(d));
        } else {
            raw(Double.toString(d));
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
