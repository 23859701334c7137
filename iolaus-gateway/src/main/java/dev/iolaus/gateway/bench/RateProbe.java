package dev.iolaus.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate HTTP/1.1 load generator with microsecond timing, run as its own process by the benchmark:
 * {@code RateProbe HOST PORT PATH RATE SECONDS CONNECTIONS BODY [HEADER_LINE]}.
 *
 * <p>Open loop: each connection sends on its own schedule and latency is measured from the <em>intended</em> send
 * time, so a slow response delays and counts against the requests behind it (no coordinated omission). The first
 * second is a warm-up and not counted. Prints one line: {@code rps p50_ms p99_ms errors}.
 */
public final class RateProbe {
    private RateProbe() {
    }

    /** Entry point (see the class comment). */
    public static void main(String[] a) throws Exception {
        String host = a[0];
        int port = Integer.parseInt(a[1]);
        String path = a[2];
        int rate = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        int conns = Integer.parseInt(a[5]);
        byte[] body = a[6].getBytes(StandardCharsets.UTF_8);
        String extra = a.length > 7 ? a[7] + "\r\n" : "";
        byte[] req = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + extra + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] full = Arrays.copyOf(req, req.length + body.length);
        System.arraycopy(body, 0, full, req.length, body.length);

        long periodNs = 1_000_000_000L * conns / rate;
        long start = System.nanoTime() + 200_000_000L;
        long warmEnd = start + 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        long[][] lat = new long[conns][];
        int[] counts = new int[conns];
        int[] errors = new int[conns];
        Thread[] ts = new Thread[conns];
        for (int c = 0; c < conns; c++) {
            final int id = c;
            lat[c] = new long[(int) ((end - start) / periodNs) + 16];
            ts[c] = Thread.ofPlatform().start(() -> {
                long next = start + id * periodNs / conns;
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[65536];
                    while (next < end) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        out.write(full);
                        out.flush();
                        boolean ok = readResponse(in, buf);
                        long done = System.nanoTime();
                        if (next >= warmEnd) {
                            if (!ok) {
                                errors[id]++;
                            }
                            lat[id][counts[id]++] = done - next;
                        }
                        next += periodNs;
                    }
                } catch (IOException e) {
                    errors[id]++;
                }
            });
        }
        for (Thread t : ts) {
            t.join();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < conns; c++) {
            System.arraycopy(lat[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        int err = Arrays.stream(errors).sum();
        double p50 = total == 0 ? 0 : all[total / 2] / 1e6;
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
        System.out.printf(Locale.ROOT, "%.1f %.4f %.4f %d%n", total / (double) seconds, p50, p99, err);
    }

    /** Reads one response with a Content-Length body; true when its status is 2xx. */
    private static boolean readResponse(InputStream in, byte[] buf) throws IOException {
        int n = 0;
        int headerEnd = -1;
        while (headerEnd < 0) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                throw new IOException("connection closed");
            }
            n += r;
            for (int i = Math.max(0, n - r - 3); i + 3 < n; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    headerEnd = i + 4;
                    break;
                }
            }
        }
        String head = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1);
        boolean ok = head.startsWith("HTTP/1.1 2");
        int cl = 0;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                cl = Integer.parseInt(line.substring(15).trim());
            }
        }
        int have = n - headerEnd;
        while (have < cl) {
            int r = in.read(buf, 0, Math.min(buf.length, cl - have));
            if (r < 0) {
                throw new IOException("connection closed mid-body");
            }
            have += r;
        }
        return ok;
    }
}
