package dev.iolaus.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict typed reads of the current value of a {@link JsonParser}, shared by the codecs.
 *
 * <p>Each method expects the parser on the value token (just after the field name) and throws
 * {@link InvalidRecordException} with the field name when the JSON type is wrong. JSON {@code null} reads as Java
 * null so that optional fields may be written either way.
 */
public final class Fields {
    private Fields() {
    }

    /** A string value, or null for JSON null. */
    public static String string(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(field, "a string", t);
    }

    /** A non-null string value. */
    public static String requiredString(JsonParser p, String field) throws IOException {
        String s = string(p, field);
        if (s == null) {
            throw missing(field);
        }
        return s;
    }

    /** An RFC 3339 time, or null for JSON null. */
    public static Instant time(JsonParser p, String field) throws IOException {
        String s = string(p, field);
        if (s == null) {
            return null;
        }
        try {
            return Rfc3339.parse(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("field '" + field + "': " + e.getMessage());
        }
    }

    /** A whole number that fits an int and is at least {@code min}. */
    public static int intValue(JsonParser p, String field, int min) throws IOException {
        long v = longValue(p, field, min);
        if (v > Integer.MAX_VALUE) {
            throw new InvalidRecordException("field '" + field + "' is too large: " + v);
        }
        return (int) v;
    }

    /** A whole number, at least {@code min}. */
    public static long longValue(JsonParser p, String field, long min) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(field, "a whole number", t);
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidRecordException("field '" + field + "' is too large: " + p.getText());
        }
        long v = p.getLongValue();
        if (v < min) {
            throw new InvalidRecordException("field '" + field + "' must be >= " + min + ", was " + v);
        }
        return v;
    }

    /** An optional whole number that fits an int, or null for JSON null. */
    public static Integer optionalInt(JsonParser p, String field, int min) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : intValue(p, field, min);
    }

    /** A finite number, or null for JSON null. */
    public static Double optionalDouble(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return doubleValue(p, field);
    }

    /** A finite number. */
    public static double doubleValue(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(field, "a number", t);
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidRecordException("field '" + field + "' must be finite, was " + p.getText());
        }
        return d;
    }

    /** A number in [0, 1]. */
    public static double unitScore(JsonParser p, String field) throws IOException {
        double d = doubleValue(p, field);
        if (!(d >= 0 && d <= 1)) {
            throw new InvalidRecordException("field '" + field + "' must be in [0, 1], was " + p.getText());
        }
        return d;
    }

    /** A boolean, or null for JSON null. */
    public static Boolean optionalBoolean(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw wrongType(field, "true or false", t);
        };
    }

    /** An array of strings (null elements rejected), or an empty list for JSON null. */
    public static List<String> strings(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw wrongType(field, "an array of strings", t);
        }
        List<String> out = new ArrayList<>(4);
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw wrongType(field + "[]", "a string", t);
            }
            out.add(p.getText());
        }
        return out;
    }

    /** Requires the current token to start an object. */
    public static void requireObject(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(field, "an object", p.currentToken());
        }
    }

    /** Parses an enum wire name, turning the model's IllegalArgumentException into a record error. */
    public static <E> E wire(String value, String field, java.util.function.Function<String, E> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("field '" + field + "': " + e.getMessage());
        }
    }

    /** The error for an absent or null required field. */
    public static InvalidRecordException missing(String field) {
        return new InvalidRecordException("missing required field '" + field + "'");
    }

    /** The error for a field name the record type does not have. */
    public static InvalidRecordException unknown(String field) {
        return new InvalidRecordException("unknown field '" + field + "'");
    }

    /** The error for a value of the wrong JSON type. */
    public static InvalidRecordException wrongType(String field, String expected, JsonToken got) {
        return new InvalidRecordException("field '" + field + "' must be " + expected + ", was " + describe(got));
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
