package dev.iolaus.io.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iolaus.io.json.InvalidRecordException;
import dev.iolaus.io.json.Rfc3339;
import java.math.BigDecimal;
import java.time.Instant;

/** Typed reads of values from a foreign log line, by source path; errors name the source field. */
final class ForeignValues {
    private ForeignValues() {
    }

    /**
     * The node at a source path: the exact key first (foreign logs do use dots in keys), else the dotted path
     * ({@code user.id}). Null when absent or JSON null.
     */
    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root.get(path);
        if (n == null && path.indexOf('.') > 0) {
            n = root;
            for (String part : path.split("\\.")) {
                n = n == null ? null : n.isArray() && isIndex(part) ? n.get(Integer.parseInt(part)) : n.get(part);
            }
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A scalar as text (numbers and booleans in their JSON form); objects and arrays are rejected. */
    static String text(JsonNode n, String source) {
        if (n == null) {
            return null;
        }
        if (n.isContainerNode()) {
            throw new InvalidRecordException("source field '" + source + "' must be a string or number, was "
                    + (n.isArray() ? "an array" : "an object"));
        }
        return n.asText();
    }

    /** A whole number (number or numeric string), at least 0. */
    static Long count(JsonNode n, String source) {
        if (n == null) {
            return null;
        }
        BigDecimal d = decimal(n, source);
        try {
            long v = d.longValueExact();
            if (v < 0) {
                throw new InvalidRecordException("source field '" + source + "' must be >= 0, was " + v);
            }
            return v;
        } catch (ArithmeticException e) {
            throw new InvalidRecordException("source field '" + source + "' must be a whole number, was " + n.asText());
        }
    }

    /** A finite number (number or numeric string). */
    static Double number(JsonNode n, String source) {
        return n == null ? null : decimal(n, source).doubleValue();
    }

    private static BigDecimal decimal(JsonNode n, String source) {
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                throw new InvalidRecordException("source field '" + source + "' must be a number, was '" + n.asText() + "'");
            }
        }
        throw new InvalidRecordException("source field '" + source + "' must be a number");
    }

    /**
     * An event time: RFC 3339 text (a space instead of {@code T} accepted), or an epoch number whose unit is told
     * by its magnitude: below 1e11 seconds (fractions allowed), below 1e14 milliseconds, below 1e17 microseconds,
     * else nanoseconds. Any time between 1973 and 5138 is read right whatever its unit.
     */
    static Instant time(JsonNode n, String source) {
        if (n == null) {
            return null;
        }
        String s = n.isTextual() ? n.asText().trim() : null;
        if (s != null && !s.isEmpty() && !isNumeric(s)) {
            if (s.length() > 10 && s.charAt(10) == ' ') {
                s = s.substring(0, 10) + 'T' + s.substring(11);
            }
            try {
                return Rfc3339.parse(s).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("source field '" + source + "': " + e.getMessage());
            }
        }
        BigDecimal d = decimal(n, source);
        BigDecimal abs = d.abs();
        BigDecimal nanos;
        if (abs.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0) {
            nanos = d.movePointRight(9);
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) < 0) {
            nanos = d.movePointRight(6);
        } else if (abs.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) < 0) {
            nanos = d.movePointRight(3);
        } else {
            nanos = d;
        }
        // Interactions carry millisecond precision.
        return Instant.ofEpochMilli(Math.floorDiv(nanos.longValue(), 1_000_000L));
    }

    private static boolean isNumeric(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
