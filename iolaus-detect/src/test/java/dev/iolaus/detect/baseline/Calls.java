package dev.iolaus.detect.baseline;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.ApiFlavour;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Message;
import dev.iolaus.model.Role;
import dev.iolaus.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small builder of interactions for baseline tests, and a findings collector. */
final class Calls {
    private static int seq;
    private String account = "a1";
    private long timeMs = 1_700_000_000_000L;
    private String ip = "203.0.113.7";
    private String prompt = "hello there";
    private int in = 10;
    private int out = 20;

    static Calls call() {
        return new Calls();
    }

    Calls account(String a) {
        account = a;
        return this;
    }

    Calls at(long ms) {
        timeMs = ms;
        return this;
    }

    Calls ip(String v) {
        ip = v;
        return this;
    }

    Calls prompt(String p) {
        prompt = p;
        return this;
    }

    Calls tokens(int input, int output) {
        in = input;
        out = output;
        return this;
    }

    Interaction build() {
        return new Interaction("e" + (++seq), Instant.ofEpochMilli(timeMs), account, "k-" + account, null, ip,
                "sdk/1.0", null, ApiFlavour.OPENAI_CHAT, "m1", null, List.of(Message.of(Role.USER, prompt)), null,
                new Usage(in, out, 0), 100, 200, null);
    }

    /** Collects flags. */
    static final class Collector implements Findings {
        final List<AccountFinding> flags = new ArrayList<>();

        @Override
        public void flag(AccountFinding finding) {
            flags.add(finding);
        }

        List<String> accounts() {
            return flags.stream().map(AccountFinding::accountId).toList();
        }
    }
}
