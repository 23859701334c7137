package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a blocked campaign's replacement accounts out: remembers the strong attributes of blocked campaigns and blocks
 * any other account that shows one, at signup or on its first request.
 *
 * <p>An attribute counts as strong only when it is (nearly) exclusive to the campaign: a count-min sketch counts the
 * distinct accounts carrying each value, and a value is registered only when enough members carry it
 * ({@link CauterizeSettings#minMembers}) and they are at least {@link CauterizeSettings#minMemberShare()} of its
 * carriers; the share is checked again when the value links an account, so a value that spread stops linking. Registrations are bounded by
 * {@link CauterizeSettings#capacity()} (least recently used dropped) and lapse with the campaign's block. Not
 * thread-safe: one engine thread drives it.
 */
public final class Cauterizer {
    /** Name recorded in the reasons of the decisions it makes. */
    public static final String NAME = "cauterize";

    private final CauterizeSettings settings;
    private final CountMin popularity = new CountMin(4, 1 << 16);
    private final Map<StrongAttribute, Link> links;
    private long decisions;

    /** What one registered value links to. */
    private static final class Link {
        final String campaignId;
        final String detector;
        final double score;
        final int members;
        final long untilMs;
        final boolean shadow;
        int linked;

        Link(String campaignId, String detector, double score, int members, long untilMs, boolean shadow) {
            this.campaignId = campaignId;
            this.detector = detector;
            this.score = score;
            this.members = members;
            this.untilMs = untilMs;
            this.shadow = shadow;
        }
    }

    /**
     * Result of registering a blocked campaign.
     *
     * @param registered attribute values now linking to the campaign
     * @param tooCommon values skipped because too many accounts outside the campaign carry them
     */
    public record Registration(int registered, int tooCommon) {
    }

    /** A cauterizer with these settings. */
    public Cauterizer(CauterizeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.links = new BoundedMap<>(settings.capacity());
    }

    /** The settings in force. */
    public CauterizeSettings settings() {
        return settings;
    }

    /** Counts one more distinct account carrying the attribute; call once per (account, attribute). */
    public void observe(StrongAttribute a) {
        if (settings.enabled() && settings.kinds().contains(a.kind())) {
            popularity.add(a.toString());
        }
    }

    /** Estimated number of distinct accounts carrying the attribute (never under-estimated). */
    public int carriers(StrongAttribute a) {
        return popularity.estimate(a.toString());
    }

    /**
     * A campaign was blocked: remember its exclusive strong attributes.
     *
     * @param campaignId the campaign
     * @param detector detector whose finding blocked it
     * @param score campaign score
     * @param memberCounts each attribute of its members, with how many members carry it
     * @param untilMs event time the block lapses, or {@code Long.MAX_VALUE}
     * @param shadow true when the block is shadow: the resulting blocks are shadow too
     */
    public Registration block(String campaignId, String detector, double score,
                              Map<StrongAttribute, Integer> memberCounts, long untilMs, boolean shadow) {
        if (!settings.enabled()) {
            return new Registration(0, 0);
        }
        int registered = 0;
        int tooCommon = 0;
        for (Map.Entry<StrongAttribute, Integer> e : memberCounts.entrySet()) {
            StrongAttribute a = e.getKey();
            if (!settings.kinds().contains(a.kind())) {
                continue;
            }
            int members = e.getValue();
            if (members < settings.minMembers(a.kind())
                    || members < settings.minMemberShare() * Math.max(members, carriers(a))) {
                tooCommon++;
                continue;
            }
            Link old = links.get(a);
            Link link = new Link(campaignId, detector, score, members, untilMs, shadow);
            if (old != null && old.campaignId.equals(campaignId)) {
                link.linked = old.linked;
            }
            links.put(a, link);
            registered++;
        }
        return new Registration(registered, tooCommon);
    }

    /**
     * Checks an account's attributes against blocked campaigns.
     *
     * @return a BLOCK decision on the account with the linking attribute as reason, or null when none links
     */
    public Decision check(String accountId, Iterable<StrongAttribute> attributes, long nowMs) {
        if (!settings.enabled()) {
            return null;
        }
        for (StrongAttribute a : attributes) {
            Link link = links.get(a);
            if (link == null || link.untilMs <= nowMs) {
                continue;
            }
            if (settings.maxLinkRatio() > 0 && link.linked >= Math.max(1, settings.maxLinkRatio() * link.members)) {
                continue;
            }
            // Exclusivity is judged again now: a value rare when the campaign was blocked may have spread since.
            // The campaign's side is its members, the accounts already linked, and this one.
            if (link.members + link.linked + 1 < settings.minMemberShare() * carriers(a)) {
                continue;
            }
            link.linked++;
            decisions++;
            Instant now = Instant.ofEpochMilli(nowMs);
            Instant expires = settings.duration() == null ? null : now.plus(settings.duration());
            String reason = NAME + ": linked to blocked campaign " + link.campaignId + " by " + a.kind() + " "
                    + abbreviate(a.value()) + " (carried by " + link.members + " of its accounts)";
            return new Decision("dec-" + Hashes.textHash(NAME + '|' + accountId + '|' + nowMs), Scope.ACCOUNT,
                    accountId, Action.BLOCK, reason, "campaign:" + link.campaignId, link.detector,
                    Math.max(0, Math.min(1, link.score)), now, expires, link.shadow);
        }
        return null;
    }

    /** Attribute values currently registered. */
    public int registered() {
        return links.size();
    }

    /** Blocks made so far. */
    public long decisionsMade() {
        return decisions;
    }

    private static String abbreviate(String v) {
        return v.length() <= 20 ? v : v.substring(0, 16) + "…";
    }
}
