package dev.iolaus.detect.baseline;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Interaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-account requests-per-minute and tokens-per-minute limits, as LiteLLM ({@code rpm_limit}, {@code tpm_limit})
 * and Kong ({@code rate-limiting} plugin, sliding window strategy) configure them; flags an account that exceeds one.
 *
 * <p>The window is Kong's "sliding" estimate: the previous fixed window weighted by the share of it that still
 * overlaps the sliding window, plus the current fixed window, so each account costs five numbers. Tokens counted are
 * input plus output, as LiteLLM counts them. Options: {@code rpm} (default 60), {@code tpm} (default 100000),
 * {@code window_s} (default 60).
 */
public final class RateLimitDetector implements Detector {
    /** Registry name. */
    public static final String NAME = "rate-limit";

    private final double rpm;
    private final double tpm;
    private final long windowMs;
    private final Map<String, Window> windows = new HashMap<>();

    /** A detector with limits read from the context's options. */
    public RateLimitDetector(DetectorContext ctx) {
        this(ctx.number("rpm", 60), ctx.number("tpm", 100_000), (long) (ctx.number("window_s", 60) * 1000));
    }

    /** A detector with explicit limits; {@code windowMs} is the window length both limits refer to. */
    public RateLimitDetector(double rpm, double tpm, long windowMs) {
        if (rpm <= 0 || tpm <= 0 || windowMs <= 0) {
            throw new IllegalArgumentException("rate-limit: rpm, tpm and window_s must be > 0 (were "
                    + rpm + ", " + tpm + ", " + windowMs / 1000.0 + ")");
        }
        this.rpm = rpm;
        this.tpm = tpm;
        this.windowMs = windowMs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onInteraction(Interaction interaction, Findings out) {
        Window w = windows.computeIfAbsent(interaction.accountId(), k -> new Window());
        long t = interaction.timeMs();
        long tokens = (long) interaction.usage().inputTokens() + interaction.usage().outputTokens();
        double ratio = w.add(t, tokens, windowMs, rpm, tpm);
        if (ratio > 1 && !w.flagged) {
            w.flagged = true;
            double requests = w.estimate(t, windowMs, false);
            double tok = w.estimate(t, windowMs, true);
            out.flag(new AccountFinding(NAME, interaction.accountId(), score(ratio), Instant.ofEpochMilli(t), null,
                    List.of(new Evidence("rate_limit", String.format(java.util.Locale.ROOT,
                            "%.0f requests and %.0f tokens in the last %ds exceed the limits %.0f rpm / %.0f tpm",
                            requests, tok, windowMs / 1000, rpm, tpm), 1.0))));
        }
    }

    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> m = new HashMap<>(windows.size() * 2);
        windows.forEach((k, w) -> m.put(k, score(w.peakRatio)));
        return m;
    }

    /** Maps the peak utilisation ratio r to r / (1 + r): 0.5 exactly at the limit, monotone, in [0, 1). */
    static double score(double ratio) {
        return ratio / (1 + ratio);
    }

    /** Kong's sliding window state of one account. */
    private static final class Window {
        long start = Long.MIN_VALUE;
        double curReq;
        double curTok;
        double prevReq;
        double prevTok;
        double peakRatio;
        boolean flagged;

        double add(long t, long tokens, long windowMs, double rpm, double tpm) {
            roll(t, windowMs);
            curReq++;
            curTok += tokens;
            double ratio = Math.max(estimate(t, windowMs, false) / rpm, estimate(t, windowMs, true) / tpm);
            peakRatio = Math.max(peakRatio, ratio);
            return ratio;
        }

        void roll(long t, long windowMs) {
            long s = Math.floorDiv(t, windowMs) * windowMs;
            if (s == start) {
                return;
            }
            boolean adjacent = start != Long.MIN_VALUE && s - start == windowMs;
            prevReq = adjacent ? curReq : 0;
            prevTok = adjacent ? curTok : 0;
            curReq = 0;
            curTok = 0;
            start = s;
        }

        double estimate(long t, long windowMs, boolean tokens) {
            double overlap = 1.0 - (double) (t - start) / windowMs;
            return tokens ? prevTok * overlap + curTok : prevReq * overlap + curReq;
        }
    }
}
