package dev.iolaus.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the Debian load tools ({@code wrk} for saturation, {@code hey -q} for a fixed rate) and parses their output. */
final class LoadTools {
    private LoadTools() {
    }

    /** Throughput and latency of one run. */
    record Result(double rps, double p50Ms, double p99Ms) {
    }

    /** True when the program is on the PATH. */
    static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** wrk at saturation: POST of the body with the headers, 1 thread, the given connections and seconds. */
    static Result wrk(String url, String body, List<String> headers, int connections, int seconds, Path work)
            throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = [[" + body + "]]\n");
        for (int i = 0; i < headers.size(); i += 2) {
            lua.append("wrk.headers[\"").append(headers.get(i)).append("\"] = \"").append(headers.get(i + 1)).append("\"\n");
        }
        Path script = work.resolve("post.lua");
        Files.writeString(script, lua);
        String out = run(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                script.toString(), url), seconds + 30);
        Files.deleteIfExists(script);
        double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
        Matcher bad = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (bad.find()) {
            // A fast error is not a served request: refuse to report such a run.
            throw new IllegalStateException("wrk got " + bad.group(1) + " non-2xx responses from " + url);
        }
        return new Result(rps, wrkLatency(out, "50%"), wrkLatency(out, "99%"));
    }

    /** hey at a fixed total rate (workers x per-worker rate) for the given seconds. */
    static Result hey(String url, String body, List<String> headers, int rate, int seconds)
            throws IOException, InterruptedException {
        int workers = 10;
        List<String> cmd = new ArrayList<>(List.of("hey", "-z", seconds + "s", "-c", Integer.toString(workers), "-q",
                Integer.toString(Math.max(1, rate / workers)), "-m", "POST", "-T", "application/json", "-d", body));
        for (int i = 0; i < headers.size(); i += 2) {
            if (!headers.get(i).equalsIgnoreCase("content-type")) {
                cmd.add("-H");
                cmd.add(headers.get(i) + ": " + headers.get(i + 1));
            }
        }
        cmd.add(url);
        String out = run(cmd, seconds + 30);
        Matcher codes = Pattern.compile("\\[(\\d{3})\\]\\s+(\\d+) responses").matcher(out);
        while (codes.find()) {
            if (!codes.group(1).startsWith("2")) {
                throw new IllegalStateException("hey got " + codes.group(2) + " responses with status " + codes.group(1));
            }
        }
        double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
        return new Result(rps, number(out, "50%+ in ([0-9.]+) secs") * 1000, number(out, "99%+ in ([0-9.]+) secs") * 1000);
    }

    private static double wrkLatency(String out, String pct) {
        Matcher m = Pattern.compile("\\s" + pct + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk output has no " + pct + " latency:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output (no match for " + regex + "):\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        String s = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed (exit " + p.exitValue() + "):\n" + s);
        }
        return s;
    }
}
