package dev.iolaus.flink;

import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.AccountEventType;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.ClientFingerprint;
import dev.iolaus.model.Funding;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.PaymentMethod;
import dev.iolaus.model.RequestParams;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.time.Instant;
import java.util.List;

/** Small builders for test streams. */
final class Events {
    static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    private Events() {
    }

    /** A served call by {@code account} at {@code T0 + offsetMs} with a system prompt and one user turn. */
    static StreamEvent call(String account, long offsetMs, String system, String user) {
        long t = T0 + offsetMs;
        return StreamEvent.of(new Interaction("i-" + account + "-" + t, Instant.ofEpochMilli(t), account,
                "key-" + account, null, "203.0.113." + (Math.abs(account.hashCode()) % 200),
                "python-httpx/0.27", new ClientFingerprint("hdr1", "t13d1516h2_8daaf6152771_e5627efa2ab1"),
                ApiFlavour.values()[0], "model-x", RequestParams.NONE,
                List.of(Message.of(Role.SYSTEM, system), Message.of(Role.USER, user)), null,
                new Usage(120, 800, 0), 900, 200, null));
    }

    /** A signup of {@code account} at {@code T0 + offsetMs} with a card. */
    static StreamEvent signup(String account, long offsetMs) {
        long t = T0 + offsetMs;
        return StreamEvent.of(new AccountEvent("a-" + account, Instant.ofEpochMilli(t), account,
                AccountEventType.values()[0], "eh-" + account, "example.org", "198.51.100.7", "DE",
                List.of("research"), new PaymentMethod("pm-" + account, "424242", Funding.values()[0], "DE", null),
                "free"));
    }
}
