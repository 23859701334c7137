package dev.iolaus.sim;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for long runs: silent for the first two seconds (short runs print nothing), then
 * redrawn at most twice a second with count, rate and time left.
 */
public final class ProgressBar {
    private static final long QUIET_NS = 2_000_000_000L;
    private static final long EVERY_NS = 500_000_000L;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private final long startNs = System.nanoTime();
    private long lastNs;
    private boolean shown;

    /** A bar on {@code out} for {@code total} units (0 = unknown). */
    public ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = total;
        this.unit = unit;
    }

    /** Reports {@code done} units so far. */
    public void update(long done) {
        long now = System.nanoTime();
        if (now - startNs < QUIET_NS || now - lastNs < EVERY_NS) {
            return;
        }
        lastNs = now;
        shown = true;
        double s = (now - startNs) / 1e9;
        double rate = done / s;
        double frac = total > 0 ? Math.min(1, done / (double) total) : 0;
        int width = 30;
        int filled = (int) (frac * width);
        String eta = total > 0 && rate > 0 ? String.format(Locale.ROOT, "%.0fs left", (total - done) / rate) : "";
        out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %,d/%,d %s  %,.0f/s  %s   ", "#".repeat(filled),
                " ".repeat(width - filled), frac * 100, done, total, unit, rate, eta);
        out.flush();
    }

    /** Ends the line if the bar was shown. */
    public void finish() {
        if (shown) {
            out.println();
        }
    }
}
