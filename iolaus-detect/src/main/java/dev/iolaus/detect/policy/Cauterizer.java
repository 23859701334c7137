package dev.iolaus.detect.policy;

import dev.iolaus.model.Action;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Hashes;
import dev.iolaus.model.Scope;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a blocked campaign's replacement accounts out: remembers the strong attributes of blocked campaigns and blocks
 * any other account that shows one, at signup, before its first request (the engine sweeps dormant accounts when a
 * campaign is blocked) or on its first request.
 *
 * <p>An attribute value links only while it is the campaign's: a count-min sketch counts the distinct accounts
 * carrying each value, and a value links when at least {@link CauterizeSettings#minMembers} campaign-side accounts
 * carry it and they are at least {@link CauterizeSettings#minMemberShare()} of its carriers, judged again at every
 * link so that a value that spread stops linking. Campaign-side accounts are the campaign's members and the accounts
 * it already linked: a linked account's own attributes join the campaign's side, so a chain of reserves that share
 * cards and signup bursts among themselves is followed. A campaign links at most
 * {@link CauterizeSettings#maxLinkRatio()} times its member count. Memory is bounded by
 * {@link CauterizeSettings#capacity()} values (least recently used dropped); links lapse with the campaign's block.
 * Not thread-safe: one engine thread drives it.
 */
public final class Cauterizer {
    /** Name recorded in the reasons of the decisions it makes. */
    public static final String NAME = "cauterize";

    private final CauterizeSettings settings;
    private final CountMin popularity = new CountMin(4, 1 << 16);
    private final Map<StrongAttribute, Link> links;
    private final Map<String, Block> blocks = new HashMap<>();
    private long decisions;

    /** A blocked campaign. */
    private static final class Block {
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

    /** One attribute value on a blocked campaign's side, with how many of its accounts carry it. */
    private static final class Link {
        final Block block;
        int side;

        Link(Block block, int side) {
            this.block = block;
            this.side = side;
        }
    }

    /**
     * Result of registering a blocked campaign.
     *
     * @param registered attribute values that link now
     * @param tooCommon values skipped because too few members or too many outside accounts carry them
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
     * A campaign was blocked (or, already blocked, grew): remember its members' strong attributes.
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
            if (!settings.kinds().contains(a.kind())) {
                continue;
            }
            Link link = links.get(a);
            int side = link != null && link.block == b ? Math.max(link.side, e.getValue()) : e.getValue();
            links.put(a, new Link(b, side));
            if (strong(a, side, 0)) {
                registered++;
            } else {
                tooCommon++;
            }
        }
        return new Registration(registered, tooCommon);
    }

    /** True when {@code side} campaign-side carriers (plus {@code extra} about to join) make the value the campaign's. */
    private boolean strong(StrongAttribute a, int side, int extra) {
        return side >= settings.minMembers(a.kind())
                && side + extra >= settings.minMemberShare() * Math.max(side + extra, carriers(a));
    }

    /**
     * Checks an account's attributes against blocked campaigns; a linked account's attributes join the campaign.
     *
     * @return a BLOCK decision on the account naming the linking attribute, or null when none links
     */
    public Decision check(String accountId, Iterable<StrongAttribute> attributes, long nowMs) {
        if (!settings.enabled()) {
            return null;
        }
        for (StrongAttribute a : attributes) {
            Link link = links.get(a);
            if (link == null || link.block.untilMs <= nowMs || !strong(a, link.side, 1)) {
                continue;
            }
            Block b = link.block;
            if (settings.maxLinkRatio() > 0 && b.linked >= Math.max(1, settings.maxLinkRatio() * b.members)) {
                continue;
            }
            b.linked++;
            decisions++;
            String reason = NAME + ": linked to blocked campaign " + b.campaignId + " by " + a.kind() + " "
                    + abbreviate(a.value()) + " (carried by " + link.side + " of its accounts)";
            for (StrongAttribute own : attributes) {
                join(b, own);
            }
            Instant now = Instant.ofEpochMilli(nowMs);
            Instant expires = settings.duration() == null ? null : now.plus(settings.duration());
            return new Decision("dec-" + Hashes.textHash(NAME + '|' + accountId + '|' + nowMs), Scope.ACCOUNT,
                    accountId, Action.BLOCK, reason, "campaign:" + b.campaignId, b.detector,
                    Math.max(0, Math.min(1, b.score)), now, expires, b.shadow);
        }
        return null;
    }

    /** Adds a linked account's attribute to the campaign's side. */
    private void join(Block b, StrongAttribute a) {
        if (!settings.kinds().contains(a.kind())) {
            return;
        }
        Link link = links.get(a);
        if (link == null) {
            links.put(a, new Link(b, 1));
        } else if (link.block == b) {
            link.side++;
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

    private static String abbreviate(String v) {
        return v.length() <= 20 ? v : v.substring(0, 16) + "…";
    }
}
