package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a {@link Policy} to findings and campaigns, remembering what escalation and de-duplication need.
 *
 * <p>Profiles are tried in order; a matching profile makes its decisions (escalated by the offender's earlier
 * offences in the profile's window), and {@code on_success: break} stops there. Shadow comes from the profile or from
 * the policy's {@code shadow_detectors}. Memory is bounded by {@link Policy#maxTracked()}. Not thread-safe: one
 * engine thread drives it.
 */
public final class Decider {
    private static final int MAX_OFFENCES = 16;
    private static final int MAX_VALUES = 100_000;

    private final Policy policy;
    private final AccountLookup accounts;
    private final Map<String, long[]> offences;
    private final Map<String, Last> lastByKey;

    private record Last(int action, double score, long expiresMs) {
    }

    /** A decider for the policy, filling scopes of campaign members from the lookup. */
    public Decider(Policy policy, AccountLookup accounts) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.accounts = accounts == null ? AccountLookup.NONE : accounts;
        this.offences = new BoundedMap<>(policy.maxTracked());
        this.lastByKey = new BoundedMap<>(policy.maxTracked());
    }

    /** The policy applied. */
    public Policy policy() {
        return policy;
    }

    /**
     * Which profiles match the subject (honouring {@code on_success: break}), as a bit set of profile indices: lets
     * the engine tell a campaign update that changes the outcome from one that only adds members.
     */
    public java.util.BitSet matching(Subject s) {
        java.util.BitSet out = new java.util.BitSet();
        List<Profile> profiles = policy.profiles();
        for (int p = 0; p < profiles.size(); p++) {
            if (profiles.get(p).filter().test(s)) {
                out.set(p);
                if (profiles.get(p).breakOnSuccess()) {
                    break;
                }
            }
        }
        return out;
    }

    /** The decisions the policy makes for this subject, in profile order; empty when none matches or all repeat. */
    public List<Decision> decide(Subject s) {
        List<Decision> out = new ArrayList<>();
        long now = s.time().toEpochMilli();
        List<Profile> profiles = policy.profiles();
        for (int p = 0; p < profiles.size(); p++) {
            Profile profile = profiles.get(p);
            if (!profile.filter().test(s)) {
                continue;
            }
            boolean shadow = profile.shadow() || policy.shadowDetectors().contains(s.detector());
            int earlier = profile.escalation() == null ? 0
                    : countOffences(s.offenderKey(), now - profile.escalation().within().toMillis());
            int before = out.size();
            for (DecisionSpec spec : profile.decisions()) {
                Action action = profile.escalation() == null ? spec.action()
                        : profile.escalation().apply(spec.action(), earlier);
                for (String value : values(spec, s)) {
                    Decision d = make(p, profile, spec, action, value, s, now, shadow, earlier);
                    if (d != null) {
                        out.add(d);
                    }
                }
            }
            if (out.size() > before) {
                recordOffence(s.offenderKey(), now);
            }
            if (profile.breakOnSuccess()) {
                break;
            }
        }
        return out;
    }

    private Decision make(int p, Profile profile, DecisionSpec spec, Action action, String value, Subject s, long now,
                          boolean shadow, int earlier) {
        String key = p + "|" + spec.scope().ordinal() + "|" + value;
        Last last = lastByKey.get(key);
        // A repeat is judged on the profile's own action, before escalation: re-reports must not escalate.
        if (last != null && last.expiresMs > now && last.action >= spec.action().ordinal()
                && s.score() < last.score + policy.minScoreRise()) {
            return null;
        }
        Instant created = s.time();
        Instant expires = spec.duration() == null ? null : created.plus(spec.duration());
        lastByKey.put(key, new Last(spec.action().ordinal(), s.score(),
                expires == null ? Long.MAX_VALUE : expires.toEpochMilli()));
        String id = "dec-" + Hashes.textHash(profile.name() + '|' + spec.scope().wire() + '|' + value + '|'
                + action.wire() + '|' + now + '|' + (s.kind() == Subject.Kind.ACCOUNT ? s.account().accountId() : ""));
        return new Decision(id, spec.scope(), value, action, reason(profile, s, action, spec.action(), earlier),
                evidenceRef(s), s.detector(), clamp(s.score()), created, expires, shadow);
    }

    private static double clamp(double score) {
        return Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
    }

    private static String reason(Profile profile, Subject s, Action action, Action base, int earlier) {
        StringBuilder b = new StringBuilder(profile.name()).append(": ").append(s.detector())
                .append(s.kind() == Subject.Kind.CAMPAIGN ? " campaign " + s.campaign().id() : "")
                .append(" score ").append(String.format(Locale.ROOT, "%.2f", s.score()));
        if (s.kind() == Subject.Kind.ACCOUNT && s.campaign() != null) {
            b.append(", campaign ").append(s.campaign().id()).append(" (")
                    .append(s.campaign().accounts().size()).append(" accounts)");
        }
        if (action != base) {
            b.append(", escalated from ").append(base.wire()).append(" after ").append(earlier)
                    .append(" earlier offences");
        }
        Evidence top = null;
        for (Evidence e : s.evidence()) {
            if (top == null || e.weight() > top.weight()) {
                top = e;
            }
        }
        if (top != null) {
            b.append("; ").append(top.text());
        }
        return b.toString();
    }

    /** Where the evidence of a subject lives: {@code campaign:<id>} or {@code finding:<detector>:<account>@<ms>}. */
    public static String evidenceRef(Subject s) {
        if (s.campaign() != null) {
            return "campaign:" + s.campaign().id();
        }
        return "finding:" + s.detector() + ":" + s.account().accountId() + "@" + s.time().toEpochMilli();
    }

    private Collection<String> values(DecisionSpec spec, Subject s) {
        if (spec.scope() == Scope.CAMPAIGN) {
            return s.campaign() == null ? List.of() : List.of(s.campaign().id());
        }
        if (s.kind() == Subject.Kind.ACCOUNT) {
            return values(spec, s.account(), new LinkedHashSet<>());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String member : new TreeSet<>(s.targets())) {
            if (out.size() >= MAX_VALUES) {
                break;
            }
            if (spec.scope() == Scope.ACCOUNT) {
                out.add(member);
            } else {
                values(spec, accounts.account(member), out);
            }
        }
        return out;
    }

    private static Set<String> values(DecisionSpec spec, AccountInfo a, Set<String> out) {
        switch (spec.scope()) {
            case ACCOUNT -> out.add(a.accountId());
            case API_KEY -> out.addAll(a.keyIds());
            case IP -> {
                if (a.lastIp() != null) {
                    out.add(a.lastIp());
                }
            }
            case CIDR -> {
                String cidr = Cidrs.prefix(a.lastIp(), spec.cidrPrefix());
                if (cidr != null) {
                    out.add(cidr);
                }
            }
            case PAYMENT_FINGERPRINT -> out.addAll(a.paymentFingerprints());
            case CAMPAIGN -> { }
            default -> throw new IllegalStateException(spec.scope().name());
        }
        return out;
    }

    private int countOffences(String offender, long sinceMs) {
        long[] log = offences.get(offender);
        if (log == null) {
            return 0;
        }
        int n = 0;
        for (int i = 1; i <= (int) log[0]; i++) {
            if (log[i] >= sinceMs) {
                n++;
            }
        }
        return n;
    }

    private void recordOffence(String offender, long timeMs) {
        long[] log = offences.computeIfAbsent(offender, k -> new long[MAX_OFFENCES + 1]);
        int n = (int) log[0];
        if (n < MAX_OFFENCES) {
            log[n + 1] = timeMs;
            log[0] = n + 1;
        } else {
            // Keep the most recent offences: shift left by one (16 entries, rare path).
            System.arraycopy(log, 2, log, 1, MAX_OFFENCES - 1);
            log[MAX_OFFENCES] = timeMs;
        }
    }
}
