package dev.iolaus.detect.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cauterizer's link rules, read from {@link CauterizeSettings#kinds()}: each entry is one attribute kind that
 * links on its own, or several kinds joined by {@code +} that link only together, on the same blocked campaign
 * (corroboration of weak links).
 */
final class LinkRules {
    private final String[][] rules;
    private final Set<String> kinds = new HashSet<>();

    /** A rule that matched: the campaign, and the attribute values (with their links) that matched each kind. */
    record Match(Cauterizer.Block block, StrongAttribute[] via, Cauterizer.Link[] links) {
        /** E.g. {@code signup_burst t@57 (carried by 3 of its accounts) and email_domain ...}. */
        String describe() {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < via.length; k++) {
                if (k > 0) {
                    sb.append(" and ");
                }
                sb.append(via[k].kind()).append(' ').append(Cauterizer.abbreviate(via[k].value()))
                        .append(" (carried by ").append(links[k].side).append(" of its accounts)");
            }
            return sb.toString();
        }
    }

    LinkRules(Set<String> entries) {
        List<String[]> parsed = new ArrayList<>();
        for (String e : entries) {
            String[] parts = parse(e);
            parsed.add(parts);
            kinds.addAll(Arrays.asList(parts));
        }
        // Single kinds first, then the smallest combinations: the simplest sufficient reason is reported.
        parsed.sort(Comparator.<String[]>comparingInt(r -> r.length).thenComparing(r -> String.join("+", r)));
        this.rules = parsed.toArray(String[][]::new);
    }

    /**
     * The kinds of one rule entry, e.g. {@code "signup_burst + email_domain"}.
     *
     * @throws IllegalArgumentException on an empty or repeated kind
     */
    static String[] parse(String entry) {
        String[] parts = entry.split("\\+", -1);
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < parts.length; k++) {
            parts[k] = parts[k].trim();
            if (parts[k].isEmpty() || !seen.add(parts[k])) {
                throw new IllegalArgumentException("cauterize: kinds entry '" + entry
                        + "' must be a kind or distinct kinds joined by '+'");
            }
        }
        return parts;
    }

    /** True when some rule uses this kind (only such attributes are counted and remembered). */
    boolean uses(String kind) {
        return kinds.contains(kind);
    }

    /**
     * The first rule the attributes satisfy against one blocked campaign, or null.
     *
     * @param newAccount whether the account is new (dormant, or on its first request); an account with a history
     *     is linked only by a card of the campaign's, which it added itself
     */
    Match match(Cauterizer c, List<StrongAttribute> attributes, long nowMs, boolean selfActive,
                boolean newAccount) {
        int n = attributes.size();
        Cauterizer.Link[] owned = new Cauterizer.Link[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            StrongAttribute a = attributes.get(i);
            if (!kinds.contains(a.kind())) {
                continue;
            }
            Cauterizer.Link link = c.live(a, nowMs);
            if (link != null && c.owned(a, link, 1, selfActive)) {
                owned[i] = link;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        for (String[] rule : rules) {
            if (!newAccount && !(rule.length == 1 && rule[0].equals(StrongAttribute.PAYMENT_FINGERPRINT))) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (owned[i] == null || !attributes.get(i).kind().equals(rule[0]) || !c.underCap(owned[i].block)) {
                    continue;
                }
                Match m = complete(rule, i, attributes, owned);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The rule matched with attribute {@code first} for its first kind and the same campaign for the others. */
    private static Match complete(String[] rule, int first, List<StrongAttribute> attributes,
                                  Cauterizer.Link[] owned) {
        Cauterizer.Block b = owned[first].block;
        StrongAttribute[] via = new StrongAttribute[rule.length];
        Cauterizer.Link[] links = new Cauterizer.Link[rule.length];
        via[0] = attributes.get(first);
        links[0] = owned[first];
        for (int k = 1; k < rule.length; k++) {
            for (int j = 0; j < owned.length && via[k] == null; j++) {
                if (owned[j] != null && owned[j].block == b && attributes.get(j).kind().equals(rule[k])) {
                    via[k] = attributes.get(j);
                    links[k] = owned[j];
                }
            }
            if (via[k] == null) {
                return null;
            }
        }
        return new Match(b, via, links);
    }
}
