package dev.iolaus.sim;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints what a simulation produced: accounts by archetype and campaign, interactions, tokens, time span. */
public final class RunSummary {
    private RunSummary() {
    }

    /** Writes the summary of a run to {@code out}. */
    public static void print(PrintStream out, Truth truth, SimulationWriter.Summary s, String dataOrigin) {
        Map<String, int[]> byLabel = new TreeMap<>();
        for (Truth.AccountTruth a : truth.accounts().values()) {
            int[] c = byLabel.computeIfAbsent((a.attacker() ? "campaign " : "benign   ") + a.label(), k -> new int[2]);
            c[a.reserve() ? 1 : 0]++;
        }
        out.printf(Locale.ROOT, "scenario %s  scale %s  seed %d%n", truth.scenario(), truth.scale(), truth.seed());
        out.printf(Locale.ROOT, "data: corpora %s%n", dataOrigin);
        out.printf(Locale.ROOT, "accounts: %,d%n", truth.accounts().size());
        byLabel.forEach((k, c) -> out.printf(Locale.ROOT, "  %-32s %,7d%s%n", k, c[0],
                c[1] > 0 ? String.format(Locale.ROOT, "  (+%,d reserve)", c[1]) : ""));
        truth.campaigns().values().forEach(c -> out.printf(Locale.ROOT,
                "  campaign %-22s planned %,d interactions, %s .. %s, targets %s%n", c.id(), c.plannedInteractions(),
                c.start(), c.end(), c.capabilities()));
        out.printf(Locale.ROOT, "interactions: %,d   account events: %,d%n", s.interactions(), s.accountEvents());
        out.printf(Locale.ROOT, "tokens: %,d input, %,d output%n", s.inputTokens(), s.outputTokens());
        if (s.interactions() > 0) {
            out.printf(Locale.ROOT, "time span: %s .. %s (%.1f days)%n", Instant.ofEpochMilli(s.firstMs()),
                    Instant.ofEpochMilli(s.lastMs()), (s.lastMs() - s.firstMs()) / 86_400_000.0);
        }
    }
}
