package dev.iolaus.detect.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the {@link Cauterizer} keeps a blocked campaign's replacement accounts out.
 *
 * @param enabled whether cauterization runs at all
 * @param duration time to live of the blocks it makes, or null for no expiry
 * @param kinds link rules: an attribute kind that links on its own when the value is the campaign's (a card), or
 *     several kinds joined by {@code +} that link only together, each value the same blocked campaign's (a signup
 *     burst and an email domain): corroboration for kinds that strangers share (see {@link StrongAttribute})
 * @param minMemberShare a value links only while campaign-side accounts are at least this share of its carriers
 *     that are campaign-side or unrelated (have sent requests): a card shared by two members and held-back
 *     reserves links, the official SDK's fingerprint carried by thousands of customers does not
 * @param minMembers campaign members that must carry a value for it to be registered, by attribute kind, with a
 *     {@code default} entry: one member's card is strong, one member's system prompt is not
 * @param maxLinkRatio a campaign cauterizes at most this many times its member count (0: no cap): reserves replace
 *     blocked accounts one or two for one, so far more links mean a link has gone astray
 * @param capacity most attribute values remembered; the oldest registrations are dropped beyond it
 */
public record CauterizeSettings(boolean enabled, Duration duration, Set<String> kinds, double minMemberShare,
                                Map<String, Integer> minMembers, double maxLinkRatio, int capacity) {
    /**
     * Defaults, as in the shipped {@code policies/default.yaml}: on, 30 days; a card, or a signup burst (same network,
     * same hour) shared with at least two campaign-side accounts, links alone; campaign-side accounts at least half
     * the carriers. Kinds strangers share (client fingerprint, template signature, email domain, signup minute) are
     * left out: measured, they block ordinary customers alone and in pairs (see {@code docs/policy.md}).
     */
    public static final CauterizeSettings DEFAULT = new CauterizeSettings(true, Duration.ofDays(30),
            Set.of(StrongAttribute.PAYMENT_FINGERPRINT, StrongAttribute.SIGNUP_BURST),
            0.5, Map.of("default", 2, StrongAttribute.PAYMENT_FINGERPRINT, 1), 3.0, 1_000_000);

    /** Members needed to register a value of this kind (the {@code default} entry, else 2). */
    public int minMembers(String kind) {
        Integer n = minMembers.get(kind);
        return n != null ? n : minMembers.getOrDefault("default", 2);
    }

    /** Cauterization switched off. */
    public static final CauterizeSettings OFF = new CauterizeSettings(false, null, Set.of(), 1, Map.of(), 0, 1);

    public CauterizeSettings {
        kinds = Set.copyOf(kinds);
        for (String k : kinds) {
            LinkRules.parse(k);
        }
        minMembers = Map.copyOf(minMembers);
        for (Map.Entry<String, Integer> e : minMembers.entrySet()) {
            if (e.getValue() < 1) {
                throw new IllegalArgumentException("cauterize: min_members." + e.getKey() + " must be >= 1");
            }
        }
        if (!(minMemberShare > 0 && minMemberShare <= 1) || capacity < 1 || maxLinkRatio < 0) {
            throw new IllegalArgumentException(
                    "cauterize: min_member_share must be in (0, 1], max_link_ratio >= 0, capacity >= 1");
        }
    }
}
