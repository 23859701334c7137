package dev.iolaus.detect.graph;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.features.InteractionFeatures;
import dev.iolaus.detect.fingerprint.AccountState;
import dev.iolaus.detect.net.IpIntel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Campaign discovery's second-family test returns the qualifying co-held value most concentrated in the group (its
 * co-holders over all its holders; then more co-holders, then the smaller key), never whichever one a hash table
 * happens to list first: the same holders give the same marker whatever order their values were attached in.
 */
class CoordinationPartnerTest {
    private static final double P0 = 0.05;
    private static final long TEMPLATE = 7;

    private List<AccountState> states;
    private LongObjectMap<Posting> postings;
    private Coordination coordination;
    private final InteractionFeatures cot = new FeatureExtractor(IpIntel.NONE)
            .extract(call().prompt("Imagine you solved it. Explain your reasoning step by step."));
    private Posting template;

    /** A fresh fixture: five tell-heavy accounts sharing one template; {@code holdersOf[v]} says which hold value v. */
    private void holders(boolean reversed, AttributeKind[] kinds, long[] values, int[][] holdersOf) {
        reset();
        template = posting(AttributeKind.SKELETON, TEMPLATE);
        for (int i = 0; i < 5; i++) {
            AccountState a = new AccountState(states.size());
            states.add(a);
            for (int k = 0; k < 10; k++) {
                a.observe(cot, k, null, false);
            }
            template.addAccount(a.index, 0);
            a.addRecent(template.key);
        }
        for (int n = 0; n < values.length; n++) {
            int v = reversed ? values.length - 1 - n : n;
            Posting q = posting(kinds[v], values[v]);
            for (int i : holdersOf[v]) {
                q.addAccount(i, 0);
                states.get(i).addStatic(q.key);
            }
        }
    }

    private void reset() {
        states = new ArrayList<>();
        postings = new LongObjectMap<>(64);
        List<AccountState> view = states;
        coordination = new Coordination(GraphSettings.defaults(4.75), view::get, postings);
    }

    /** Adds {@code count} accounts outside the group to a value, each with {@code tells} tell-carrying calls. */
    private void outsideHolders(AttributeKind kind, long value, int count, int tells) {
        Posting q = postings.get(kind.key(value));
        for (int k = 0; k < count; k++) {
            AccountState other = new AccountState(states.size());
            states.add(other);
            for (int c = 0; c < tells; c++) {
                other.observe(cot, c, null, false);
            }
            q.addAccount(other.index, 0);
        }
    }

    private Posting posting(AttributeKind kind, long value) {
        Posting p = new Posting(kind.key(value), kind, value, 0);
        postings.put(p.key, p);
        return p;
    }

    @Test
    void partner_twoValuesWhollyInsideTheGroup_returnsTheOneMoreHoldersShare() {
        for (boolean reversed : new boolean[] {false, true}) {
            holders(reversed, new AttributeKind[] {AttributeKind.SIGNUP_PREFIX, AttributeKind.EMAIL_HASH},
                    new long[] {300, 400}, new int[][] {{0, 1, 2}, {0, 1, 2, 3, 4}});
            assertThat(coordination.partner(template, P0).value).isEqualTo(400);
        }
    }

    @Test
    void partner_equallyShared_returnsTheOneWithFewerOutsideHolders() {
        for (boolean reversed : new boolean[] {false, true}) {
            holders(reversed, new AttributeKind[] {AttributeKind.SIGNUP_PREFIX, AttributeKind.EMAIL_HASH},
                    new long[] {300, 400}, new int[][] {{0, 1, 2, 3}, {0, 1, 2, 3}});
            // A sixth, quiet holder makes the signup prefix the more popular of the two.
            outsideHolders(AttributeKind.SIGNUP_PREFIX, 300, 1, 0);
            assertThat(coordination.partner(template, P0).value).isEqualTo(400);
        }
    }

    @Test
    void partner_popularValueMoreOfTheGroupShares_losesToAValueOnlyTheGroupHolds() {
        for (boolean reversed : new boolean[] {false, true}) {
            holders(reversed, new AttributeKind[] {AttributeKind.SYSTEM_BAND, AttributeKind.SIGNUP_PREFIX},
                    new long[] {300, 400}, new int[][] {{0, 1, 2, 3, 4}, {0, 1, 2}});
            // The band is held by 60 tell-heavy accounts outside the group as well: popular, though not too popular
            // to qualify (at most 20 times its co-holders).
            outsideHolders(AttributeKind.SYSTEM_BAND, 300, 60, 10);
            assertThat(coordination.partner(template, P0).value).isEqualTo(400);
        }
    }

    @Test
    void partner_onlyCategoryValuesShared_returnsNull() {
        holders(false, new AttributeKind[] {AttributeKind.EMAIL_DOMAIN, AttributeKind.BIN},
                new long[] {300, 400}, new int[][] {{0, 1, 2, 3, 4}, {0, 1, 2, 3, 4}});
        assertThat(coordination.partner(template, P0)).isNull();
    }

    @Test
    void partner_repeatedCalls_countNoCoHolderTwice() {
        // Held by two of the group: one short of the minimum. Were a call's counts left over, the next call would see
        // four co-holders and return the prefix.
        holders(false, new AttributeKind[] {AttributeKind.SIGNUP_PREFIX}, new long[] {300}, new int[][] {{0, 1}});
        Posting prefix = postings.get(AttributeKind.SIGNUP_PREFIX.key(300));

        assertThat(coordination.partner(template, P0)).isNull();
        assertThat(coordination.partner(prefix, P0)).isNull();
        assertThat(coordination.partner(template, P0)).isNull();
    }

    @Test
    void partner_afterOtherGroups_sameAsAFreshInstance() {
        holders(false, new AttributeKind[] {AttributeKind.SIGNUP_PREFIX, AttributeKind.EMAIL_HASH},
                new long[] {300, 400}, new int[][] {{0, 1, 2}, {0, 1, 2, 3, 4}});
        Posting prefix = postings.get(AttributeKind.SIGNUP_PREFIX.key(300));
        Posting mailbox = postings.get(AttributeKind.EMAIL_HASH.key(400));
        Posting fresh = coordination.partner(template, P0);

        coordination.partner(prefix, P0);
        coordination.partner(mailbox, P0);

        assertThat(coordination.partner(template, P0)).isSameAs(fresh);
        assertThat(fresh.value).isEqualTo(400);
    }
}
