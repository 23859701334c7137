package dev.iolaus.detect.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test of a policy filter, such as {@code score >= 0.9}, {@code evidence has payment_cluster} or
 * {@code detector in [iolaus, rate-limit]}: a field, an operator and an operand, parsed here (no script engine).
 *
 * <p>A field whose value is unknown (no campaign, no signup seen) fails every test except {@code missing}.
 *
 * @param field the subject field tested
 * @param op the operator
 * @param operand a Double, a String, a List of Strings, or null for {@code exists}/{@code missing}
 * @param source the text it was parsed from, for messages
 */
public record Condition(FilterField field, Op op, Object operand, String source) {

    /** Operators, with the field types each accepts. */
    public enum Op {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("=="), NE("!="), IN("in"), NOT_IN("not in"), HAS("has"),
        LACKS("lacks"), EXISTS("exists"), MISSING("missing");

        private final String wire;

        Op(String wire) {
            this.wire = wire;
        }

        /** The operator as written. */
        public String wire() {
            return wire;
        }
    }

    private static final Pattern SYMBOLIC = Pattern.compile("^([a-z_.]+)\\s*(>=|<=|==|!=|>|<)\\s*(.+)$");
    private static final Pattern WORD = Pattern.compile("^([a-z_.]+)\\s+(not\\s+in|in|has|lacks|exists|missing)\\b\\s*(.*)$");

    /**
     * Parses one condition.
     *
     * @throws IllegalArgumentException with the offending text and the expected form
     */
    public static Condition parse(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = SYMBOLIC.matcher(s);
        String opText;
        if (!m.matches()) {
            m = WORD.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot parse filter '" + s
                        + "' (expected '<field> <op> <value>', e.g. 'score >= 0.9', 'evidence has payment_cluster',"
                        + " 'detector in [iolaus]', 'campaign exists')");
            }
        }
        FilterField field = FilterField.fromWire(m.group(1));
        opText = m.group(2).replaceAll("\\s+", " ");
        Op op = null;
        for (Op o : Op.values()) {
            if (o.wire.equals(opText)) {
                op = o;
            }
        }
        String rest = m.group(3).strip();
        Object operand = operand(field, op, rest, s);
        return new Condition(field, op, operand, s);
    }

    private static Object operand(FilterField field, Op op, String rest, String src) {
        FilterField.Type t = field.type();
        switch (op) {
            case EXISTS, MISSING -> {
                if (!rest.isEmpty()) {
                    throw bad(src, "'" + op.wire + "' takes no value");
                }
                return null;
            }
            case GE, GT, LE, LT -> {
                if (t != FilterField.Type.NUMBER) {
                    throw bad(src, "'" + field.wire() + "' is not a number; use ==, !=, in, has or lacks");
                }
                return number(rest, src);
            }
            case EQ, NE -> {
                if (t == FilterField.Type.SET) {
                    throw bad(src, "'" + field.wire() + "' is a set; use has or lacks");
                }
                return t == FilterField.Type.NUMBER ? number(rest, src) : word(rest, src);
            }
            case IN, NOT_IN -> {
                if (t != FilterField.Type.STRING) {
                    throw bad(src, "'" + op.wire + "' needs a text field such as detector or subject");
                }
                return list(rest, src);
            }
            case HAS, LACKS -> {
                if (t != FilterField.Type.SET) {
                    throw bad(src, "'" + op.wire + "' needs a set field: evidence, campaign.evidence, campaign.capabilities");
                }
                return word(rest, src);
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    /** True when the subject passes this test. */
    public boolean test(Subject s) {
        Object v = field.read(s);
        if (op == Op.MISSING) {
            return v == null;
        }
        if (v == null) {
            return false;
        }
        return switch (op) {
            case EXISTS -> !(v instanceof Set<?> set) || !set.isEmpty();
            case GE -> (Double) v >= (Double) operand;
            case GT -> (Double) v > (Double) operand;
            case LE -> (Double) v <= (Double) operand;
            case LT -> (Double) v < (Double) operand;
            case EQ -> v.equals(operand);
            case NE -> !v.equals(operand);
            case IN -> ((List<?>) operand).contains(v);
            case NOT_IN -> !((List<?>) operand).contains(v);
            case HAS -> ((Set<?>) v).contains(operand);
            case LACKS -> !((Set<?>) v).contains(operand);
            case MISSING -> false;
        };
    }

    @Override
    public String toString() {
        return source;
    }

    private static Double number(String s, String src) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(src, "'" + s + "' is not a number");
        }
    }

    private static String word(String s, String src) {
        String w = unquote(s.strip());
        if (w.isEmpty()) {
            throw bad(src, "missing value");
        }
        return w;
    }

    private static List<String> list(String s, String src) {
        String t = s.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw bad(src, "expected a list such as [iolaus, rate-limit]");
        }
        List<String> out = new ArrayList<>();
        for (String part : t.substring(1, t.length() - 1).split(",")) {
            String w = unquote(part.strip());
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        if (out.isEmpty()) {
            throw bad(src, "empty list");
        }
        return List.copyOf(out);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static IllegalArgumentException bad(String src, String why) {
        return new IllegalArgumentException("invalid filter '" + src + "': " + why);
    }
}
