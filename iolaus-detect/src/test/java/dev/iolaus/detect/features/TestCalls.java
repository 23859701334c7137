package dev.iolaus.detect.features;

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
import java.util.ArrayList;
import java.util.List;

/** Small builder of interactions and account events for detector tests. */
public final class TestCalls {
    private static long seq;
    private String account = "acct-1";
    private long timeMs = Instant.parse("2026-04-22T00:00:00Z").toEpochMilli();
    private String ip = "81.2.69.10";
    private String ua = "OpenAI/Python 1.54.0";
    private String system;
    private final List<Message> history = new ArrayList<>();
    private List<String> tools = List.of();
    private String model = "model-a";
    private String hoh;

    /** A builder with defaults. */
    public static TestCalls call() {
        return new TestCalls();
    }

    public TestCalls account(String a) {
        account = a;
        return this;
    }

    public TestCalls at(long ms) {
        timeMs = ms;
        return this;
    }

    public TestCalls ip(String v) {
        ip = v;
        return this;
    }

    public TestCalls ua(String v) {
        ua = v;
        return this;
    }

    public TestCalls headerOrder(String v) {
        hoh = v;
        return this;
    }

    public TestCalls system(String v) {
        system = v;
        return this;
    }

    public TestCalls model(String v) {
        model = v;
        return this;
    }

    public TestCalls tools(String... names) {
        tools = List.of(names);
        return this;
    }

    public TestCalls followingUp(String previousUser, String previousAnswer) {
        history.add(Message.of(Role.USER, previousUser));
        history.add(Message.of(Role.ASSISTANT, previousAnswer));
        return this;
    }

    /** The interaction asking {@code prompt}. */
    public Interaction prompt(String prompt) {
        List<Message> msgs = new ArrayList<>();
        if (system != null) {
            msgs.add(Message.of(Role.SYSTEM, system));
        }
        msgs.addAll(history);
        msgs.add(Message.of(Role.USER, prompt));
        return new Interaction("e" + (++seq), Instant.ofEpochMilli(timeMs), account, "key-" + account, null, ip, ua,
                new ClientFingerprint(hoh, null), ApiFlavour.OPENAI_CHAT, model,
                new RequestParams(0.7, null, 1024, null, false, tools, null), msgs, null,
                new Usage(prompt.length() / 4 + 1, 300, 0), 800, 200, null);
    }

    /** A signup event with a card. */
    public static AccountEvent signup(String account, long timeMs, String cardFp, String bin, Funding funding,
                                      String emailDomain, String signupIp) {
        return new AccountEvent("s" + (++seq), Instant.ofEpochMilli(timeMs), account, AccountEventType.CREATED,
                "h" + account, emailDomain, signupIp, "US", List.of(),
                cardFp == null ? null : new PaymentMethod(cardFp, bin, funding, "US", "US"), "payg");
    }
}
