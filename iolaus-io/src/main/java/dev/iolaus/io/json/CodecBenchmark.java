package dev.iolaus.io.json;

import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Throughput of the JSONL codec on ~1 KB interaction lines: write and parse, plain and gzip.
 *
 * <p>Run with {@code java -cp ... dev.iolaus.io.json.CodecBenchmark [records] [dir]}; the numbers go to
 * {@code docs/benchmarks.md}. Each phase runs several times and reports the best. Besides wall-clock rates it
 * reports records per process CPU-second (all threads, GC and JIT included), which stays meaningful on a shared,
 * loaded machine where wall-clock rates mostly measure the neighbours.
 */
public final class CodecBenchmark {
    private CodecBenchmark() {
    }

    /** Entry point: {@code [records (default 500000)] [dir (default temp)]}. */
    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("iolaus-bench");
        run(n, dir, System.out);
    }

    /** Runs the benchmark, printing one line per phase. */
    public static void run(int n, Path dir, PrintStream out) throws IOException {
        List<Interaction> data = sample(n);
        Path plain = dir.resolve("bench.jsonl");
        long avgLine = 0;
        out.printf("records %,d%n", n);
        for (int level : new int[] {1, 6}) {
            Path gz = dir.resolve("bench-l" + level + ".jsonl.gz");
            double best = 0;
            bestCpuRate = 0;
            for (int rep = 0; rep < 3; rep++) {
                best = Math.max(best, write(gz, data, level));
            }
            out.printf("write gzip level %d: %,.0f records/s wall, %,.0f records/CPU-s, %,d bytes%n", level, best,
                    bestCpuRate, Files.size(gz));
        }
        double bestPlain = 0;
        bestCpuRate = 0;
        for (int rep = 0; rep < 3; rep++) {
            bestPlain = Math.max(bestPlain, write(plain, data, 1));
        }
        avgLine = Files.size(plain) / n;
        out.printf("write plain: %,.0f records/s wall, %,.0f records/CPU-s, avg line %d bytes%n", bestPlain,
                bestCpuRate, avgLine);
        data = null;
        for (Path p : List.of(plain, dir.resolve("bench-l1.jsonl.gz"))) {
            double best = 0;
            bestCpuRate = 0;
            for (int rep = 0; rep < 5; rep++) {
                best = Math.max(best, read(p));
            }
            out.printf("parse %s: %,.0f records/s wall, %,.0f records/CPU-s%n", p.getFileName(), best, bestCpuRate);
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /** Best records per process CPU-second of the last phase. */
    private static double bestCpuRate;

    private static double cpuRate(long records, long cpu0) {
        double r = records / ((OS.getProcessCpuTime() - cpu0) / 1e9);
        bestCpuRate = Math.max(bestCpuRate, r);
        return r;
    }

    private static double write(Path p, List<Interaction> data, int level) {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (JsonlWriter<Interaction> w = JsonlWriter.open(p, EventCodecs.INTERACTION, level)) {
            for (Interaction i : data) {
                w.write(i);
            }
        }
        double wall = data.size() / ((System.nanoTime() - t0) / 1e9);
        cpuRate(data.size(), cpu0);
        return wall;
    }

    private static double read(Path p) {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        long[] sum = new long[1];
        ReadStats s;
        try (JsonlReader<Interaction> r = JsonlReader.open(p, EventCodecs.INTERACTION)) {
            r.forEach(i -> sum[0] += i.usage().outputTokens());
            s = r.stats();
        }
        if (s.quarantined() != 0) {
            throw new IllegalStateException("benchmark file had invalid lines: " + s);
        }
        double wall = s.accepted() / ((System.nanoTime() - t0) / 1e9);
        cpuRate(s.accepted(), cpu0);
        return wall;
    }

    /** Interactions shaped like simulator output: system prompt, one to three turns, ~1 KB of JSON each. */
    static List<Interaction> sample(int n) {
        SplittableRandom r = new SplittableRandom(42);
        String[] words = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no will can more about other into some could them what than only out time very like just over".split(" ");
        Instant t0 = Instant.parse("2026-04-01T00:00:00Z");
        List<Interaction> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 300 + r.nextInt(300);
            while (sb.length() < len) {
                sb.append(words[r.nextInt(words.length)]).append(' ');
            }
            String user = sb.toString();
            List<Message> msgs = new ArrayList<>();
            msgs.add(new Message(Role.SYSTEM, "You are a careful assistant that answers step by step.", "5e0b2c7d9a1f3e44", 55));
            msgs.add(new Message(Role.USER, user, Long.toHexString(r.nextLong()), user.length()));
            out.add(new Interaction("ev-" + i, t0.plusMillis(i * 37L), "acct-" + r.nextInt(5000), "key-" + r.nextInt(9000),
                    null, "198.51." + r.nextInt(256) + "." + r.nextInt(256), "OpenAI/Python 1.52.0",
                    new ClientFingerprint(Long.toHexString(r.nextLong()), "t13d1516h2_8daaf6152771_e5627efa2ab1"),
                    ApiFlavour.OPENAI_CHAT, "gpt-4o-mini", new RequestParams(0.7, null, 1024, null, false, null, null),
                    msgs, null, new Usage(100 + r.nextInt(400), r.nextInt(2000), 0), r.nextInt(5000), 200, null));
        }
        return out;
    }
}
