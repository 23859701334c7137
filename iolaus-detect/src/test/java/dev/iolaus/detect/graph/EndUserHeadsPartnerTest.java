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
 * End users of a host show no second family; for them several distinct template heads shared by the same tell-heavy
 * end users stand in for one (several choices of one operator's material), one shared head does not (one copied
 * trick).
 */
class EndUserHeadsPartnerTest {
    private final List<AccountState> states = new ArrayList<>();
    private final LongObjectMap<Posting> postings = new LongObjectMap<>(64);
    private final Coordination coordination = new Coordination(GraphSettings.defaults(4.75), states::get, postings);
    private final InteractionFeatures cot = new FeatureExtractor(IpIntel.NONE)
            .extract(call().prompt("Imagine you solved it. Explain your reasoning step by step."));

    private Posting posting(AttributeKind kind, long value) {
        Posting p = new Posting(kind.key(value), kind, value, 0);
        postings.put(p.key, p);
        return p;
    }

    /** Four tell-heavy end users holding a template tail, each remembering the given template heads. */
    private Posting endUsersSharing(long... heads) {
        Posting tail = posting(AttributeKind.TAIL, 1);
        List<Posting> hs = new ArrayList<>();
        for (long h : heads) {
            hs.add(posting(AttributeKind.HEAD, h));
        }
        for (int i = 0; i < 4; i++) {
            AccountState a = new AccountState(states.size());
            states.add(a);
            for (int k = 0; k < 10; k++) {
                a.observe(cot, k, null, false);
            }
            tail.addAccount(a.index, 0);
            for (Posting h : hs) {
                h.addAccount(a.index, 0);
                a.addHead(h.key);
            }
        }
        return tail;
    }

    @Test
    void partner_endUsersSharingTwoTemplateHeads_returnsAHead() {
        Posting tail = endUsersSharing(11, 12);
        Posting partner = coordination.partner(tail, 0.05);
        assertThat(partner).isNotNull();
        assertThat(partner.kind).isEqualTo(AttributeKind.HEAD);
    }

    @Test
    void partner_rememberedHeadAndOneOtherHead_areTwoTemplates() {
        // p is itself a head the end users remember (a first band), so one other remembered head is a second template
        Posting head = endUsersSharing(11, 12).kind == AttributeKind.TAIL ? postings.get(AttributeKind.HEAD.key(11))
                : null;
        Posting partner = coordination.partner(head, 0.05);
        assertThat(partner).isNotNull();
        assertThat(partner.value).isEqualTo(12);
    }

    @Test
    void partner_endUsersSharingOneTemplateHead_returnsNothing() {
        assertThat(coordination.partner(endUsersSharing(11), 0.05)).isNull();
    }
}
