package dev.iolaus.detect.policy;

import java.time.Duration;
import java.util.Locale;

/** Parses the short durations of policy files: {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 1h30m}. */
public final class Durations {
    private Durations() {
    }

    /**
     * Parses a duration; {@code forever}, {@code never} and {@code 0} mean no expiry and return null.
     *
     * @throws IllegalArgumentException naming the accepted forms when the text is not a duration
     */
    public static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("forever") || s.equals("never") || s.equals("0")) {
            return null;
        }
        long totalMs = 0;
        int i = 0;
        boolean any = false;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || i == s.length()) {
                throw bad(text);
            }
            long n = Long.parseLong(s.substring(start, i));
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            long unitMs = switch (s.substring(unitStart, i)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                case "w" -> 7 * 86_400_000L;
                default -> throw bad(text);
            };
            totalMs = Math.addExact(totalMs, Math.multiplyExact(n, unitMs));
            any = true;
        }
        if (!any || totalMs <= 0) {
            throw bad(text);
        }
        return Duration.ofMillis(totalMs);
    }

    /** Formats a duration the way {@link #parse} reads it (largest whole units); null gives {@code forever}. */
    public static String format(Duration d) {
        if (d == null) {
            return "forever";
        }
        long ms = d.toMillis();
        StringBuilder b = new StringBuilder();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        for (int k = 0; k < units.length; k++) {
            if (ms >= units[k]) {
                b.append(ms / units[k]).append(names[k]);
                ms %= units[k];
            }
        }
        return b.toString();
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("invalid duration '" + text
                + "' (expected e.g. 90s, 30m, 24h, 7d, 1h30m, or forever)");
    }
}
