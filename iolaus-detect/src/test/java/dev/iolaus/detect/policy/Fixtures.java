package dev.iolaus.detect.policy;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.PaymentMethod;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small builders of findings, campaigns and events for policy and engine tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    private Fixtures() {
    }

    public static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    public static AccountFinding finding(String account, double score, long minute, String campaignId,
                                         String... evidenceKinds) {
        List<Evidence> ev = new ArrayList<>();
        for (String k : evidenceKinds) {
            ev.add(new Evidence(k, k + " seen", 0.5));
        }
        return new AccountFinding("test", account, score, at(minute), campaignId, ev);
    }

    public static Campaign campaign(String id, double score, String... accounts) {
        return new Campaign(id, "test", Set.of(accounts), score, T0, T0.plusSeconds(3600), 100, 50_000,
                List.of("coding"), List.of(new Evidence("shared_template", "all share template t1", 0.8)));
    }

    public static AccountInfo account(String id, String ip, String paymentFp, String key) {
        return new AccountInfo(id, T0.minusSeconds(86_400), ip, key == null ? List.of() : List.of(key),
                paymentFp == null ? List.of() : List.of(paymentFp), Funding.PREPAID, "US", "pro");
    }

    public static AccountEvent created(String account, long minute, String ip, String paymentFp) {
        return new AccountEvent("ev-" + account + "-" + minute, at(minute), account, AccountEventType.CREATED, null,
                "example.com", ip, "US", List.of(), paymentFp == null ? null
                        : new PaymentMethod(paymentFp, "411111", Funding.PREPAID, "US", "US"), "pro");
    }

    public static Interaction call(String account, long minute, String ip, String headerOrder, String system) {
        List<Message> msgs = new ArrayList<>();
        if (system != null) {
            msgs.add(Message.of(Role.SYSTEM, system));
        }
        msgs.add(Message.of(Role.USER, "write a function number " + minute));
        return new Interaction("i-" + account + "-" + minute, at(minute), account, "key-" + account, null, ip,
                "python-sdk/1.0", new ClientFingerprint(headerOrder, null), ApiFlavour.OPENAI_CHAT, "m1", null, msgs,
                null, new Usage(10, 200, 0), 100, 200, null);
    }
}
