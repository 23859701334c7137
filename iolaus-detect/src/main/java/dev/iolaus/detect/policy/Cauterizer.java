package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a blocked campaign's replacement accounts out: remembers the attributes of blocked campaigns and blocks any
 * other account that matches one of the policy's link rules, at signup, before its first request (the engine sweeps
 * dormant accounts when a campaign is blocked) or on its first request.
 *
 * <p>A rule is one kind ({@code payment_fingerprint}: one shared card links) or several kinds joined by {@code +}
 * ({@code signup_burst + email_domain}): then the account must share a campaign-side value of every kind with the
 * same campaign, because each alone is shared by strangers. Each value counts only while it is the campaign's: it
 * links when at least {@link CauterizeSettings#minMembers} campaign-side accounts carry it and they are at least
 * {@link CauterizeSettings#minMemberShare()} of its carriers that are campaign-side or unrelated, judged again at
 * every link so that a value that spread stops linking. That is the popularity discount: the official SDK's
 * fingerprint, a webmail domain or a busy signup minute is carried by many unrelated accounts and never counts.
 *
 * <p>Unrelated means seen acting: only accounts that sent a request count as carriers. A dormant account (signed up,
 * silent) has shown nothing either way, and the dormant accounts that share a campaign's signup burst are, in the
 * attacks this exists for, its held-back reserves: counting them as strangers would let every reserve hide the
 * others. Campaign-side accounts are the campaign's members and the accounts it already linked: a linked account's
 * own attributes join the campaign's side, so a chain of reserves that share cards and bursts among themselves is
 * followed. A campaign links at most {@link CauterizeSettings#maxLinkRatio()} times its member count. Memory is
 * bounded by {@link CauterizeSettings#capacity()} values (least recently used dropped); links lapse with the
 * campaign's block. Not thread-safe: one engine thread drives it.
 */
public final class Cauterizer {
    /** Name recorded in the reasons of the decisions it makes. */
    public static final String NAME = "cauterize";

    private final CauterizeSettings settings;
    private final LinkRules rules;
    /** Distinct active (requesting) accounts carrying each value. */
    private final CountMin active = new CountMin(4, 1 << 16);
    private final Map<StrongAttribute, Link> links;
    private final Map<String, Block> linkedAccounts;
    private final Map<String, Block> blocks = new HashMap<>();
    private long decisions;

    /** A blocked campaign. */
    static final class Block {
        final String campaignId;
        final String detector;
        final double score;
        int members;
        long untilMs;
        boolean shadow;
        int linked;

        Block(String campaignId, String detector, double score) {
            this.campaignId = campaignId;
            this.detector = detector;
            this.score = score;
        }
    }

    /** One attribute value on a blocked campaign's side: its campaign-side carriers, and how many of them are active. */
    static final class Link {
        final Block block;
        int side;
        int sideActive;

        Link(Block block, int side, int sideActive) {
            this.block = block;
            this.side = side;
            this.sideActive = sideActive;
        }
    }

    /**
     * Result of registering a blocked campaign.
     *
     * @param registered attribute values that link now
     * @param tooCommon values skipped because too few members or too many unrelated accounts carry them
     */
    public record Registration(int registered, int tooCommon) {
    }

    /** A cauterizer with these settings. */
    public Cauterizer(CauterizeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = new LinkRules(settings.kinds());
        this.links = new BoundedMap<>(settings.capacity());
        this.linkedAccounts = new BoundedMap<>(settings.capacity());
    }

    /** The settings in force. */
    public CauterizeSettings settings() {
        return settings;
    }

    /** Counts one more distinct active account carrying the attribute; call once per (account, attribute). */
    public void observe(StrongAttribute a) {
        observe(a, true);
    }

    /**
     * Counts one more distinct account carrying the attribute; call once per (account, attribute).
     *
     * @param activeAccount false for an account that has sent no request yet: it counts once it does
     *     ({@link #activated})
     */
    public void observe(StrongAttribute a, boolean activeAccount) {
        if (activeAccount && settings.enabled() && rules.uses(a.kind())) {
            active.add(a.toString());
        }
    }

    /**
     * A dormant account sent its first request: its attributes known so far now count as carried by an active
     * account (on the campaign's side if this cauterizer linked it).
     */
    public void activated(String accountId, List<StrongAttribute> attributes) {
        if (!settings.enabled()) {
            return;
        }
        Block b = linkedAccounts.get(accountId);
        for (StrongAttribute a : attributes) {
            if (!rules.uses(a.kind())) {
                continue;
            }
            active.add(a.toString());
            Link link = b == null ? null : links.get(a);
            if (link != null && link.block == b) {
                link.sideActive++;
            }
        }
    }

    /** Estimated number of distinct active accounts carrying the attribute (never under-estimated). */
    public int carriers(StrongAttribute a) {
        return active.estimate(a.toString());
    }

    /**
     * A campaign was blocked (or, already blocked, grew): remember its members' attributes.
     *
     * @param campaignId the campaign
     * @param detector detector whose finding blocked it
     * @param score campaign score
     * @param memberCounts each attribute of its members, with how many members carry it
     * @param members number of member accounts
     * @param untilMs event time the block lapses, or {@code Long.MAX_VALUE}
     * @param shadow true when the block is shadow: the resulting blocks are shadow too
     */
    public Registration block(String campaignId, String detector, double score,
                              Map<StrongAttribute, Integer> memberCounts, int members, long untilMs, boolean shadow) {
        if (!settings.enabled()) {
            return new Registration(0, 0);
        }
        Block b = blocks.computeIfAbsent(campaignId, id -> new Block(id, detector, score));
        b.members = Math.max(b.members, members);
        b.untilMs = Math.max(b.untilMs, untilMs);
        b.shadow = shadow;
        int registered = 0;
        int tooCommon = 0;
        for (Map.Entry<StrongAttribute, Integer> e : memberCounts.entrySet()) {
            StrongAttribute a = e.getKey();
            if (!rules.uses(a.kind())) {
                continue;
            }
            Link link = links.get(a);
            // Members were found by their requests: they are active carriers.
            Link now = link != null && link.block == b
                    ? new Link(b, Math.max(link.side, e.getValue()), Math.max(link.sideActive, e.getValue()))
                    : new Link(b, e.getValue(), e.getValue());
            links.put(a, now);
            if (owned(a, now, 0, false)) {
                registered++;
            } else {
                tooCommon++;
            }
        }
        return new Registration(registered, tooCommon);
    }

    /**
     * True when the link's campaign-side carriers (plus {@code extra} about to join) make the value the campaign's:
     * enough of them, and at least the minimum share of the carriers that are campaign-side or unrelated.
     */
    boolean owned(StrongAttribute a, Link link, int extra, boolean selfActive) {
        int unrelated = Math.max(0, carriers(a) - link.sideActive - (selfActive ? 1 : 0));
        int side = link.side + extra;
        return link.side >= settings.minMembers(a.kind()) && side >= settings.minMemberShare() * (side + unrelated);
    }

    /** Checks an account on its first request; see {@link #check(String, List, long, long)}. */
    public Decision check(String accountId, List<StrongAttribute> attributes, long nowMs) {
        return check(accountId, attributes, nowMs, 1);
    }

    /**
     * Checks an account's attributes against blocked campaigns; a linked account's attributes join the campaign.
     * The rules apply to new accounts (no request yet, or this is the first): they exist to recognise a replacement
     * account before it works, while an account with a history is judged by the detector on what it did; such an
     * account is linked only by a campaign's card ({@code payment_fingerprint} rule), which it added itself.
     *
     * @param interactions requests the account has sent, this one included (0 for a dormant account)
     * @return a BLOCK decision on the account naming the linking attributes, or null when no rule links
     */
    public Decision check(String accountId, List<StrongAttribute> attributes, long nowMs, long interactions) {
        if (!settings.enabled() || attributes.isEmpty()) {
            return null;
        }
        boolean selfActive = interactions > 0;
        LinkRules.Match m = rules.match(this, attributes, nowMs, selfActive, interactions <= 1);
        if (m == null) {
            return null;
        }
        Block b = m.block();
        b.linked++;
        decisions++;
        String reason = NAME + ": linked to blocked campaign " + b.campaignId + " by " + m.describe();
        for (StrongAttribute own : attributes) {
            join(b, own, selfActive);
        }
        linkedAccounts.put(accountId, b);
        Instant now = Instant.ofEpochMilli(nowMs);
        Instant expires = settings.duration() == null ? null : now.plus(settings.duration());
        return new Decision("dec-" + Hashes.textHash(NAME + '|' + accountId + '|' + nowMs), Scope.ACCOUNT,
                accountId, Action.BLOCK, reason, "campaign:" + b.campaignId, b.detector,
                Math.max(0, Math.min(1, b.score)), now, expires, b.shadow);
    }

    /** The live link of a value, or null when none or its campaign's block lapsed. */
    Link live(StrongAttribute a, long nowMs) {
        Link link = links.get(a);
        return link == null || link.block.untilMs <= nowMs ? null : link;
    }

    /** True while the campaign may link more accounts. */
    boolean underCap(Block b) {
        return settings.maxLinkRatio() <= 0 || b.linked < Math.max(1, settings.maxLinkRatio() * b.members);
    }

    /** Adds a linked account's attribute to the campaign's side. */
    private void join(Block b, StrongAttribute a, boolean selfActive) {
        if (!rules.uses(a.kind())) {
            return;
        }
        Link link = links.get(a);
        if (link == null) {
            links.put(a, new Link(b, 1, selfActive ? 1 : 0));
        } else if (link.block == b) {
            link.side++;
            link.sideActive += selfActive ? 1 : 0;
        }
        // A value already on another campaign's side stays there.
    }

    /** Attribute values remembered (linking or waiting for more carriers). */
    public int registered() {
        return links.size();
    }

    /** Blocks made so far. */
    public long decisionsMade() {
        return decisions;
    }

    static String abbreviate(String v) {
        return v.length() <= 20 ? v : v.substring(0, 16) + "…";
    }
}
