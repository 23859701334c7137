package dev.iolaus.detect.iolaus;

import dev.iolaus.detect.features.Hash64;
import dev.iolaus.detect.features.IpPrefix;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.graph.AttributeKind;
import dev.iolaus.detect.graph.CampaignGraph;
import dev.iolaus.detect.graph.Posting;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Funding;

/**
 * The values an account holds in the graph, as the detector records them: lifecycle values of account events (card,
 * mailbox, signup network, burst and slots), and per-call values gathered into a reused buffer of the postings one
 * event holds ({@link #held}, with the account's sample slot in each in {@link #slots}).
 */
final class Holdings {
    /** Most postings one event holds. */
    static final int MAX_HELD = 20;
    private static final long SLOT_MS = 10 * 60_000L;
    /** Width of a signup burst: the housekeeping hour. */
    private static final long BURST_MS = Housekeeping.HOUSEKEEPING_MS;

    /** The postings held by the event being processed (a reused buffer, valid up to the count last returned). */
    final Posting[] held = new Posting[MAX_HELD];
    /** The account's sample slot in each held posting (-1 when not sampled). */
    final int[] slots = new int[MAX_HELD];
    private final CampaignGraph graph;

    Holdings(CampaignGraph graph) {
        this.graph = graph;
    }

    /** Attaches the lifecycle values an account event carries to the account. */
    void attach(AccountState st, AccountEvent e) {
        long t = e.timeMs();
        if (e.payment() != null) {
            if (e.payment().fingerprintHash() != null) {
                attachStatic(st, AttributeKind.PAYMENT, Hash64.of(e.payment().fingerprintHash()), null, t);
            }
            if (e.payment().bin() != null) {
                Funding fund = e.payment().funding() == null ? Funding.UNKNOWN : e.payment().funding();
                attachStatic(st, AttributeKind.BIN, Hash64.combine(Hash64.of(e.payment().bin()), fund.ordinal()),
                        e.payment().bin() + " (" + fund.wire() + ")", t);
            }
        }
        if (e.emailHash() != null) {
            attachStatic(st, AttributeKind.EMAIL_HASH, Hash64.of(e.emailHash()), null, t);
        }
        if (e.emailDomain() != null) {
            attachStatic(st, AttributeKind.EMAIL_DOMAIN, Hash64.ofLower(e.emailDomain()), e.emailDomain(), t);
        }
        if (e.signupIp() != null) {
            long prefix = IpPrefix.prefixHash(e.signupIp());
            if (prefix != 0) {
                attachStatic(st, AttributeKind.SIGNUP_PREFIX, prefix, IpPrefix.prefixText(e.signupIp()), t);
            }
            if (e.type() == dev.iolaus.model.AccountEventType.CREATED && prefix != 0) {
                attachStatic(st, AttributeKind.SIGNUP_BURST, Hash64.combine(prefix, t / BURST_MS), null, t);
            }
        }
        if (e.type() == dev.iolaus.model.AccountEventType.CREATED && e.emailDomain() != null) {
            attachStatic(st, AttributeKind.SIGNUP_BURST,
                    Hash64.combine(Hash64.ofLower(e.emailDomain()), t / BURST_MS), null, t);
        }
        if (e.type() == dev.iolaus.model.AccountEventType.CREATED) {
            // Two overlapping 10-minute slots, so that signups minutes apart share one across a slot boundary.
            attachSlot(st, Hash64.combine(t / SLOT_MS, 0), t);
            attachSlot(st, Hash64.combine((t + SLOT_MS / 2) / SLOT_MS, 1), t);
        }
    }

    /** Holds a per-call value at {@code held[count]} when it is indexed; returns the new count. */
    int hold(int count, AccountState st, AttributeKind kind, long value, long t) {
        if (value == 0 || count >= MAX_HELD) {
            return count;
        }
        Posting p = graph.touch(kind, value, st.index, t);
        if (p == null) {
            return count;
        }
        held[count] = p;
        slots[count] = graph.lastSlot;
        return count + 1;
    }

    /** Holds, from {@code held[count]} on, the account's lifecycle values still indexed; returns the new count. */
    int heldStatic(AccountState st, int count, long nowMs) {
        for (long key : st.staticAttrs) {
            if (key != 0 && count < MAX_HELD) {
                Posting p = graph.postingByKey(key);
                if (p != null) {
                    graph.touch(p, st.index, nowMs);
                    slots[count] = graph.lastSlot;
                    held[count++] = p;
                }
            }
        }
        return count;
    }

    /** Holds, from {@code held[count]} on, the account's recent shared values still indexed; returns the new count. */
    int heldRecent(AccountState st, int count) {
        for (long key : st.recentAttrs) {
            Posting p = key == 0 || count >= MAX_HELD ? null : graph.postingByKey(key);
            if (p != null) {
                held[count++] = p;
            }
        }
        return count;
    }

    private void attachStatic(AccountState st, AttributeKind kind, long value, String display, long t) {
        Posting p = graph.attach(kind, value, st.index, t);
        if (display != null && p.display == null) {
            p.display = display;
        }
        st.addStatic(p.key);
    }

    /**
     * A signup slot goes through the seen-once filter, unlike other lifecycle values: most slots hold one signup, and
     * indexing each would cost a posting per account; the account keeps the key so a later holder finds it.
     */
    private void attachSlot(AccountState st, long value, long t) {
        graph.touch(AttributeKind.SIGNUP_SLOT, value, st.index, t);
        st.addStatic(AttributeKind.SIGNUP_SLOT.key(value));
    }
}
