package dev.iolaus.detect.graph;

import dev.iolaus.detect.features.Capability;
import dev.iolaus.detect.fingerprint.AccountState;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign as the graph knows it: the attribute values that mark it (its evidence), its score, and running totals
 * of its members' traffic. Merged campaigns forward to the surviving one.
 */
public final class CampaignState {
    /** Maximum marker postings kept as evidence and for linking. */
    public static final int MAX_MARKERS = 256;

    /** Dense id. */
    public final int id;
    /** Public id, e.g. {@code iolaus-c3}. */
    public final String publicId;
    /** Confidence in [0, 1]. */
    public double score;
    /** Strongest pooled z seen. */
    public double z;
    /** The posting whose content test first confirmed the campaign. */
    public Posting founding;
    /** Attribute values marking the campaign. */
    public final List<Posting> markers = new ArrayList<>();
    /** Members attributed. */
    public int members;
    /** Interactions of members since attribution. */
    public long interactions;
    /**
     * Calls of the members, each member's whole history (before and since attribution): the campaign's own content
     * profile, against which a candidate member's traffic is weighed ({@link #tellRate()}).
     */
    public long memberCalls;
    /** Of {@link #memberCalls}, those carrying an extraction tell. */
    public long memberTells;
    /** Output tokens served to members since attribution. */
    public long outputTokens;
    /** Capability counts of member interactions. */
    public final int[] capabilities = new int[Capability.values().length];
    /** Earliest and latest member interaction seen, epoch ms. */
    public long firstMs = Long.MAX_VALUE;
    /** Latest member interaction. */
    public long lastMs;
    /** Event time the campaign was found. */
    public long foundMs;
    /** Changed since last emitted. */
    public boolean changed = true;
    /** Event time of the last emission. */
    public long emittedMs = Long.MIN_VALUE;
    /** Campaign this one was merged into, or -1. */
    public int mergedInto = -1;

    CampaignState(int id, long foundMs) {
        this.id = id;
        this.publicId = "iolaus-c" + id;
        this.foundMs = foundMs;
    }

    /** Adds a marker unless already present or full. */
    void addMarker(Posting p) {
        if (markers.size() < MAX_MARKERS && !markers.contains(p)) {
            markers.add(p);
        }
        changed = true;
    }

    /** Counts a new member in: one more member, and its whole history into the campaign's content profile. */
    public void addMember(AccountState a) {
        members++;
        memberCalls += a.n;
        memberTells += a.tells;
        changed = true;
    }

    /**
     * Merges two campaigns that met through shared holders into the older one (lower id), which takes the other's
     * totals and markers; the other forwards to it. Returns the survivor.
     */
    static CampaignState merge(CampaignState a, CampaignState b) {
        CampaignState keep = a.id < b.id ? a : b;
        CampaignState gone = keep == a ? b : a;
        gone.mergedInto = keep.id;
        // Announced once by the detector (CampaignGraph.mergedAway), so consumers drop the campaign that is gone.
        gone.changed = true;
        keep.members += gone.members;
        keep.interactions += gone.interactions;
        keep.outputTokens += gone.outputTokens;
        keep.memberCalls += gone.memberCalls;
        keep.memberTells += gone.memberTells;
        for (int i = 0; i < keep.capabilities.length; i++) {
            keep.capabilities[i] += gone.capabilities[i];
        }
        keep.firstMs = Math.min(keep.firstMs, gone.firstMs);
        keep.lastMs = Math.max(keep.lastMs, gone.lastMs);
        keep.score = Math.max(keep.score, gone.score);
        keep.z = Math.max(keep.z, gone.z);
        for (Posting m : gone.markers) {
            keep.addMarker(m);
        }
        keep.changed = true;
        return keep;
    }

    /** Share of the members' calls that carry an extraction tell, or NaN before any member has sent a call. */
    public double tellRate() {
        return memberCalls == 0 ? Double.NaN : (double) memberTells / memberCalls;
    }

    /** Capabilities targeted, most frequent first (names). */
    public List<String> capabilityNames() {
        List<String> out = new ArrayList<>();
        Integer[] order = new Integer[capabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(capabilities[b], capabilities[a]));
        for (int i : order) {
            if (capabilities[i] > 0) {
                out.add(Capability.of(i).wire());
            }
        }
        return out;
    }
}
