package dev.iolaus.detect.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A profile's filter: every entry must pass (AND); one entry may offer alternatives joined by {@code ||} (OR).
 *
 * @param clauses the AND-ed entries, each a non-empty list of OR-ed conditions
 */
public record Filter(List<List<Condition>> clauses) {
    /** A filter that passes everything. */
    public static final Filter ALL = new Filter(List.of());

    public Filter {
        clauses = clauses.stream().map(List::copyOf).toList();
    }

    /** Parses filter entries such as {@code "score >= 0.9"} or {@code "subject == campaign || campaign exists"}. */
    public static Filter parse(List<String> entries) {
        List<List<Condition>> out = new ArrayList<>();
        for (String e : entries) {
            List<Condition> alternatives = new ArrayList<>();
            for (String part : e.split("\\|\\|")) {
                alternatives.add(Condition.parse(part));
            }
            out.add(alternatives);
        }
        return new Filter(out);
    }

    /** True when the subject passes every clause. */
    public boolean test(Subject s) {
        for (List<Condition> clause : clauses) {
            boolean any = false;
            for (Condition c : clause) {
                if (c.test(s)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
