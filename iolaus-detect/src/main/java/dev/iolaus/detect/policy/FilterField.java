package dev.iolaus.detect.policy;

import dev.iolaus.model.Campaign;
import dev.iolaus.model.Evidence;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The fields a policy filter may test, each with its type and how it is read from a {@link Subject}. */
public enum FilterField {
    SUBJECT("subject", Type.STRING, s -> s.kind().wire()),
    DETECTOR("detector", Type.STRING, Subject::detector),
    SCORE("score", Type.NUMBER, Subject::score),
    EVIDENCE("evidence", Type.SET, s -> kinds(s.evidence())),
    CAMPAIGN("campaign", Type.STRING, s -> s.campaign() == null ? null : s.campaign().id()),
    CAMPAIGN_ID("campaign.id", Type.STRING, s -> s.campaign() == null ? null : s.campaign().id()),
    CAMPAIGN_DETECTOR("campaign.detector", Type.STRING, s -> c(s, Campaign::detector)),
    CAMPAIGN_ACCOUNTS("campaign.accounts", Type.NUMBER, s -> c(s, c -> (double) c.accounts().size())),
    CAMPAIGN_SCORE("campaign.score", Type.NUMBER, s -> c(s, Campaign::score)),
    CAMPAIGN_INTERACTIONS("campaign.interactions", Type.NUMBER, s -> c(s, c -> (double) c.interactions())),
    CAMPAIGN_OUTPUT_TOKENS("campaign.output_tokens", Type.NUMBER, s -> c(s, c -> (double) c.outputTokens())),
    CAMPAIGN_CAPABILITIES("campaign.capabilities", Type.SET, s -> c(s, c -> Set.copyOf(c.capabilities()))),
    CAMPAIGN_EVIDENCE("campaign.evidence", Type.SET, s -> c(s, c -> kinds(c.evidence()))),
    ACCOUNT_ID("account.id", Type.STRING, s -> s.account() == null ? null : s.account().accountId()),
    ACCOUNT_AGE_HOURS("account.age_hours", Type.NUMBER, FilterField::ageHours),
    ACCOUNT_FUNDING("account.funding", Type.STRING,
            s -> s.account() == null || s.account().funding() == null ? null : s.account().funding().wire()),
    ACCOUNT_COUNTRY("account.country", Type.STRING, s -> s.account() == null ? null : s.account().country()),
    ACCOUNT_PLAN("account.plan", Type.STRING, s -> s.account() == null ? null : s.account().plan()),
    ACCOUNT_IP("account.ip", Type.STRING, s -> s.account() == null ? null : s.account().lastIp()),
    ACCOUNT_KEYS("account.keys", Type.NUMBER, s -> s.account() == null ? null : (double) s.account().keyIds().size()),
    ACCOUNT_PAYMENT_METHODS("account.payment_methods", Type.NUMBER,
            s -> s.account() == null ? null : (double) s.account().paymentFingerprints().size());

    /** Value types, which decide the operators a field accepts. */
    public enum Type { NUMBER, STRING, SET }

    private final String wire;
    private final Type type;
    private final Function<Subject, Object> reader;

    FilterField(String wire, Type type, Function<Subject, Object> reader) {
        this.wire = wire;
        this.type = type;
        this.reader = reader;
    }

    /** The name used in filters. */
    public String wire() {
        return wire;
    }

    /** The value type. */
    public Type type() {
        return type;
    }

    /** The subject's value: a Double, a String, a Set of Strings, or null when unknown. */
    public Object read(Subject s) {
        return reader.apply(s);
    }

    /** Parses a field name; throws listing the known names. */
    public static FilterField fromWire(String s) {
        for (FilterField f : values()) {
            if (f.wire.equals(s)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (FilterField f : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(f.wire);
        }
        throw new IllegalArgumentException("unknown filter field '" + s + "' (known: " + known + ")");
    }

    private static Object c(Subject s, Function<Campaign, Object> f) {
        return s.campaign() == null ? null : f.apply(s.campaign());
    }

    private static Set<String> kinds(List<Evidence> evidence) {
        Set<String> out = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            out.add(e.kind());
        }
        return out;
    }

    private static Object ageHours(Subject s) {
        if (s.account() == null || s.account().createdAt() == null) {
            return null;
        }
        return (s.time().toEpochMilli() - s.account().createdAt().toEpochMilli()) / 3_600_000.0;
    }
}
