package dev.iolaus.io.json;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.Action;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.PaymentMethod;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Scope;
import dev.iolaus.model.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Small builders of every event type, full and minimal, for codec tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-04-01T12:00:00.123Z");

    private Fixtures() {
    }

    static Interaction interaction(int i) {
        return new Interaction("ev-" + i, T0.plusMillis(i * 1000L), "acct-" + (i % 7), "key-" + (i % 3), "org-1",
                "203.0.113." + (i % 250), "python-httpx/0.27 \"quoted\" \u00e9", new ClientFingerprint("hoh-" + i, "t13d1516h2_8daaf6152771_e5627efa2ab1"),
                ApiFlavour.OPENAI_CHAT, "gpt-x", new RequestParams(0.7, 0.95, 512, 1, true, List.of("search", "calc"), "json_object"),
                List.of(Message.of(Role.SYSTEM, "You are a helpful assistant.\nLine two."),
                        Message.of(Role.USER, "Write a function that reverses a list " + i),
                        new Message(Role.ASSISTANT, null, "0123456789abcdef", 42)),
                "conv-" + i, new Usage(120, 350, 17), 812, 200, null);
    }

    /** Every field set, error_type and end user included (a rate-limited call of a reseller's end user). */
    static Interaction failedInteraction() {
        Interaction i = interaction(2);
        return new Interaction(i.eventId(), i.time(), i.accountId(), i.apiKeyId(), i.orgId(), i.clientIp(),
                i.userAgent(), i.client(), i.flavour(), i.model(), i.params(), i.messages(), i.conversationId(),
                i.usage(), i.latencyMs(), 429, "rate_limited", "enduser-42");
    }

    static Interaction minimalInteraction() {
        return new Interaction("ev-min", T0, "acct-1", null, null, null, null, null, ApiFlavour.ANTHROPIC_MESSAGES,
                null, null, List.of(), null, null, 0, 429, null);
    }

    static AccountEvent accountEvent() {
        return new AccountEvent("ae-1", T0, "acct-1", AccountEventType.PAYMENT_METHOD_ADDED, "e3b0c44298fc1c14",
                "example.edu", "198.51.100.7", "DE", List.of("education", "research"),
                new PaymentMethod("fp-9f2c", "424242", Funding.PREPAID, "US", "DE"), "pro");
    }

    static AccountEvent minimalAccountEvent() {
        return new AccountEvent("ae-min", T0, "acct-2", AccountEventType.CREATED, null, null, null, null, null, null,
                null);
    }

    static Decision decision() {
        return new Decision("d-1", Scope.CIDR, "203.0.113.0/24", Action.THROTTLE, "campaign c-1 uses this /24",
                "c-1", "campaign-graph", 0.875, T0, T0.plusSeconds(3600), true);
    }

    static Decision minimalDecision() {
        return new Decision("d-min", Scope.ACCOUNT, "acct-1", Action.BLOCK, null, null, null, 1.0, T0, null, false);
    }

    static Campaign campaign() {
        return new Campaign("c-1", "campaign-graph", Set.of("acct-3", "acct-1", "acct-2"), 0.93, T0,
                T0.plusSeconds(86400), 12345, 6789012, List.of("code", "reasoning"),
                List.of(new Evidence("shared_template", "312 accounts share system-prompt hash 9f2c", 0.6),
                        new Evidence("payment_cluster", "41 accounts share 3 prepaid cards", 0.25)));
    }

    static Campaign mergedCampaign() {
        return new Campaign("c-2", "campaign-graph", Set.of(), 0.8, T0, T0.plusSeconds(60), 40, 5000, List.of("code"),
                List.of(), "c-1");
    }

    static Campaign minimalCampaign() {
        return new Campaign("c-min", null, Set.of("acct-1"), 0.5, null, null, 0, 0, null, null);
    }
}
