package dev.iolaus.eval;

import java.util.Locale;

/** Number formatting shared by the text reports: a dash for undefined values. */
final class Fmt {
    private Fmt() {
    }

    static String num(Double v, int decimals) {
        return v == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** Seconds as a short duration: 42 s, 13 min, 5.2 h, 3.1 d. */
    static String dur(Double s) {
        if (s == null) {
            return "never";
        }
        double a = Math.abs(s);
        String sign = s < 0 ? "-" : "";
        if (a < 120) {
            return String.format(Locale.ROOT, "%s%.0f s", sign, a);
        }
        if (a < 7200) {
            return String.format(Locale.ROOT, "%s%.0f min", sign, a / 60);
        }
        if (a < 172_800) {
            return String.format(Locale.ROOT, "%s%.1f h", sign, a / 3600);
        }
        return String.format(Locale.ROOT, "%s%.1f d", sign, a / 86_400);
    }

    static String rate(Double v) {
        if (v == null) {
            return "–";
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM/s", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk/s", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f/s", v);
    }
}
