package dev.iolaus.io.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * RFC 3339 timestamps as events carry them: written as UTC with milliseconds ({@code 2026-04-01T12:00:00.123Z}).
 *
 * <p>Formatting and the common parse case are hand-written because they run once per event on the hot path;
 * {@link DateTimeFormatter} costs several times more. Any other RFC 3339 form (offsets, other fraction lengths,
 * lower-case {@code t}/{@code z}) falls back to {@link OffsetDateTime}.
 */
public final class Rfc3339 {
    private static final int[] CUMULATIVE_DAYS = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private Rfc3339() {
    }

    /** Formats an instant as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC, milliseconds, sub-millisecond digits dropped). */
    public static String format(Instant t) {
        return formatMillis(t.toEpochMilli());
    }

    /** Formats epoch milliseconds as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; years outside 0000..9999 use ISO form. */
    public static String formatMillis(long epochMs) {
        long secs = Math.floorDiv(epochMs, 1000);
        int ms = Math.floorMod(epochMs, 1000);
        long days = Math.floorDiv(secs, 86400);
        int sod = Math.floorMod(secs, 86400);
        // Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar.
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) {
            y++;
        }
        if (y < 0 || y > 9999) {
            return Instant.ofEpochMilli(epochMs).toString();
        }
        char[] c = new char[24];
        put4(c, 0, (int) y);
        c[4] = '-';
        put2(c, 5, m);
        c[7] = '-';
        put2(c, 8, d);
        c[10] = 'T';
        put2(c, 11, sod / 3600);
        c[13] = ':';
        put2(c, 14, (sod / 60) % 60);
        c[16] = ':';
        put2(c, 17, sod % 60);
        c[19] = '.';
        c[20] = (char) ('0' + ms / 100);
        c[21] = (char) ('0' + (ms / 10) % 10);
        c[22] = (char) ('0' + ms % 10);
        c[23] = 'Z';
        return new String(c);
    }

    /**
     * Parses an RFC 3339 date-time with a zone designator ({@code Z} or {@code +hh:mm}).
     *
     * @throws IllegalArgumentException naming the text when it is not RFC 3339
     */
    public static Instant parse(String s) {
        if (s.length() == 24 && s.charAt(23) == 'Z' && s.charAt(19) == '.') {
            long ms = fastMillis(s);
            if (ms != Long.MIN_VALUE) {
                return Instant.ofEpochMilli(ms);
            }
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time with zone: '" + s + "'");
        }
    }

    /** Epoch millis of {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, or Long.MIN_VALUE when any part is out of range. */
    private static long fastMillis(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        int h = digits(s, 11, 2);
        int mi = digits(s, 14, 2);
        int se = digits(s, 17, 2);
        int ms = digits(s, 20, 3);
        if ((y | mo | d | h | mi | se | ms) < 0 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) {
            return Long.MIN_VALUE;
        }
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int dim = mo == 2 ? (leap ? 29 : 28) : (mo == 4 || mo == 6 || mo == 9 || mo == 11 ? 30 : 31);
        if (d > dim) {
            return Long.MIN_VALUE;
        }
        try {
            long days = epochDay(y, mo, d);
            return Math.addExact(Math.multiplyExact(days * 86400L + h * 3600L + mi * 60L + se, 1000L), ms);
        } catch (ArithmeticException | DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static long epochDay(int y, int m, int d) {
        long yy = y;
        long total = 365 * yy;
        if (yy >= 0) {
            total += (yy + 3) / 4 - (yy + 99) / 100 + (yy + 399) / 400;
        } else {
            total -= yy / -4 - yy / -100 + yy / -400;
        }
        total += CUMULATIVE_DAYS[m - 1] + d - 1;
        boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (m > 2 && leap) {
            total++;
        }
        return total - 719528; // days from 0000-01-01 to 1970-01-01
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int c = s.charAt(i) - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 1000);
        c[at + 1] = (char) ('0' + (v / 100) % 10);
        c[at + 2] = (char) ('0' + (v / 10) % 10);
        c[at + 3] = (char) ('0' + v % 10);
    }
}
