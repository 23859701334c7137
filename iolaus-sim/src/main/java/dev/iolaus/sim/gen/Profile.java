package dev.iolaus.sim.gen;

import java.util.SplittableRandom;

/**
 * Relative activity by hour of the week (UTC), for thinning request times: people sleep, offices close at night
 * and on weekends, scripts run around the clock.
 */
final class Profile {
    private static final double[] DIURNAL = {0.15, 0.08, 0.05, 0.04, 0.04, 0.06, 0.12, 0.25, 0.45, 0.65, 0.8, 0.85,
        0.85, 0.9, 0.9, 0.88, 0.85, 0.8, 0.75, 0.75, 0.8, 0.75, 0.55, 0.3};

    private final double[] weekUtc = new double[168];
    private final double mean;

    private Profile(double[] localDay, double weekendFactor, double tzHours) {
        double sum = 0;
        for (int h = 0; h < 168; h++) {
            // hour h of the UTC week (Monday 00:00 UTC = 0) in local time
            double local = h + tzHours;
            int lh = (int) Math.floor(local);
            int dayLocal = Math.floorMod(Math.floorDiv(lh, 24), 7);
            double w = localDay[Math.floorMod(lh, 24)] * (dayLocal >= 5 ? weekendFactor : 1);
            weekUtc[h] = w;
            sum += w;
        }
        mean = sum / 168;
    }

    /** The profile of a timing mode in a time zone; {@code random} draws one per account. */
    static Profile of(String mode, double tz, SplittableRandom r) {
        return switch (mode) {
            case "diurnal" -> new Profile(DIURNAL, 0.75, tz);
            case "business" -> {
                double[] d = new double[24];
                for (int h = 0; h < 24; h++) {
                    d[h] = h >= 9 && h < 18 ? 1 : h == 8 || h == 18 ? 0.4 : 0.03;
                }
                yield new Profile(d, 0.05, tz);
            }
            case "flat" -> new Profile(filled(1), 1, tz);
            case "random" -> {
                double[] d = new double[24];
                int sleep = r.nextInt(24);
                int sleepLen = 3 + r.nextInt(7);
                for (int h = 0; h < 24; h++) {
                    boolean asleep = Math.floorMod(h - sleep, 24) < sleepLen;
                    d[h] = asleep ? 0.05 : 0.2 + 0.8 * r.nextDouble();
                }
                yield new Profile(d, 0.5 + 0.5 * r.nextDouble(), tz);
            }
            default -> throw new IllegalArgumentException("timing mode " + mode);
        };
    }

    private static double[] filled(double v) {
        double[] d = new double[24];
        java.util.Arrays.fill(d, v);
        return d;
    }

    /** Mean weight over the week (for keeping the planned rate under thinning). */
    double mean() {
        return mean;
    }

    /** Weight at an epoch millisecond. */
    double at(long ms) {
        long hours = Math.floorDiv(ms, 3_600_000L);
        // 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of its Monday-based week
        return weekUtc[(int) Math.floorMod(hours + 72, 168L)];
    }
}
