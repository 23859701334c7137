package dev.iolaus.gateway.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Saturation throughput (wrk) of the direct upstream, the gateway and nginx, measured in alternated rounds.
 *
 * <p>On a shared machine one 10-second run of each side swings by ±30 % with whatever else runs then, so a single
 * gateway run and a single nginx run taken a minute apart compare two machine states as much as two proxies. Each
 * round measures direct, then gateway and nginx back to back (which of the two goes first alternates from round to
 * round), and the capacity ratio is the median of the rounds' own gateway/nginx ratios: each ratio compares runs
 * taken seconds apart. Every round is reported.
 */
final class Saturation {
    private Saturation() {
    }

    /**
     * The three runs of one round, with the CPU time each server spent per call (microseconds, all its threads and
     * processes; NaN when the OS does not say): less sensitive to a busy machine than throughput, since a stall
     * slows a server down without making it burn more CPU per call.
     */
    record Round(LoadTools.Result direct, LoadTools.Result gateway, LoadTools.Result nginx, double directCpuUs,
                 double gatewayCpuUs, double nginxCpuUs) {
        Round(LoadTools.Result direct, LoadTools.Result gateway, LoadTools.Result nginx) {
            this(direct, gateway, nginx, Double.NaN, Double.NaN, Double.NaN);
        }

        /** Gateway throughput over nginx throughput in this round, or NaN without nginx. */
        double ratio() {
            return nginx == null ? Double.NaN : gateway.rps() / nginx.rps();
        }
    }

    /**
     * Where to send the load, and how; each URL with the process serving it (the gateway: this JVM, whose other
     * threads idle during the runs but for capture and the engine, which are the gateway's own cost). CPU is counted
     * for the process and its descendants (nginx's workers), except for this JVM, whose children are the fake
     * upstream, nginx and the load tools.
     */
    record Targets(String direct, ProcessHandle directProcess, String gateway, ProcessHandle gatewayProcess,
                   String nginx, ProcessHandle nginxProcess, String body, List<String> headers, int connections,
                   int seconds) {
    }

    /** One measured run: throughput and latency, and the server's CPU microseconds per call. */
    private record Run(LoadTools.Result result, double cpuUsPerCall) {
    }

    /** Runs {@code rounds} rounds (nginx skipped when its URL is null); progress goes to {@code log}. */
    static List<Round> run(Targets t, int rounds, Path work, PrintStream log) throws Exception {
        List<Round> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            log.printf(Locale.ROOT, " round %d of %d (load average %s)%n", r + 1, rounds, loadAverage());
            Run d = one(log, "direct", t.direct(), t.directProcess(), t, work);
            Run g;
            Run n = null;
            if (t.nginx() != null && r % 2 == 1) {
                n = one(log, "nginx", t.nginx(), t.nginxProcess(), t, work);
                g = one(log, "gateway", t.gateway(), t.gatewayProcess(), t, work);
            } else {
                g = one(log, "gateway", t.gateway(), t.gatewayProcess(), t, work);
                if (t.nginx() != null) {
                    n = one(log, "nginx", t.nginx(), t.nginxProcess(), t, work);
                }
            }
            Round round = new Round(d.result(), g.result(), n == null ? null : n.result(), d.cpuUsPerCall(),
                    g.cpuUsPerCall(), n == null ? Double.NaN : n.cpuUsPerCall());
            if (n != null) {
                log.printf(Locale.ROOT, "  ratio    %.3f%n", round.ratio());
            }
            out.add(round);
        }
        return out;
    }

    private static Run one(PrintStream log, String name, String url, ProcessHandle server, Targets t, Path work)
            throws Exception {
        boolean tree = server != null && !server.equals(ProcessHandle.current());
        long cpu0 = cpuNanos(server, tree);
        long t0 = System.nanoTime();
        LoadTools.Result r = LoadTools.wrk(url, t.body(), t.headers(), t.connections(), t.seconds(), work);
        long wall = System.nanoTime() - t0;
        long cpu1 = cpuNanos(server, tree);
        // Calls served while the CPU was counted: wrk's rate times the time between the two readings.
        double calls = r.rps() * Math.min(wall, t.seconds() * 1_000_000_000L) / 1e9;
        double us = cpu0 < 0 || cpu1 < 0 || calls <= 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / calls;
        log.printf(Locale.ROOT, "  %-8s %8.0f req/s  p50 %.3f ms  p99 %.3f ms  CPU %.1f us/call (wrk, %d connections,"
                + " %d s)%n", name, r.rps(), r.p50Ms(), r.p99Ms(), us, t.connections(), t.seconds());
        return new Run(r, us);
    }

    /** CPU time of a process, with its descendants (nginx's workers) if asked, in nanoseconds; -1 when unknown. */
    static long cpuNanos(ProcessHandle p, boolean withDescendants) {
        if (p == null) {
            return -1;
        }
        var own = p.info().totalCpuDuration();
        if (own.isEmpty()) {
            return -1;
        }
        long total = own.get().toNanos();
        if (!withDescendants) {
            return total;
        }
        for (ProcessHandle c : (Iterable<ProcessHandle>) p.descendants()::iterator) {
            total += c.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }
        return total;
    }

    /** The median of each field over the rounds, for one side. */
    static LoadTools.Result median(List<Round> rounds, java.util.function.Function<Round, LoadTools.Result> side) {
        return new LoadTools.Result(medianOf(rounds, r -> side.apply(r).rps()),
                medianOf(rounds, r -> side.apply(r).p50Ms()), medianOf(rounds, r -> side.apply(r).p99Ms()));
    }

    /** The median of the rounds' gateway/nginx ratios. */
    static double medianRatio(List<Round> rounds) {
        return medianOf(rounds, Round::ratio);
    }

    static double medianOf(List<Round> rounds, ToDoubleFunction<Round> f) {
        double[] v = rounds.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** Every round, for the JSON document. */
    static List<Map<String, Object>> json(List<Round> rounds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Round r : rounds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("direct_rps", Math.round(r.direct().rps()));
            m.put("gateway_rps", Math.round(r.gateway().rps()));
            m.put("nginx_rps", r.nginx() == null ? null : Math.round(r.nginx().rps()));
            m.put("ratio", r.nginx() == null ? null : GatewayBench.round(r.ratio()));
            m.put("direct_cpu_us_per_call", cpu(r.directCpuUs()));
            m.put("gateway_cpu_us_per_call", cpu(r.gatewayCpuUs()));
            m.put("nginx_cpu_us_per_call", cpu(r.nginxCpuUs()));
            out.add(m);
        }
        return out;
    }

    static Double cpu(double us) {
        return Double.isNaN(us) ? null : Math.round(us * 10) / 10.0;
    }

    /** The 1-minute load average, or "?" where /proc is not there. */
    static String loadAverage() {
        try {
            String s = java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
            return String.join(" ", Arrays.copyOf(s.split("\\s+"), 3));
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
