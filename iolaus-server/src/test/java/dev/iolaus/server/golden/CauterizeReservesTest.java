package dev.iolaus.server.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.engine.Engine;
import dev.iolaus.detect.engine.EngineListener;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.io.json.EventCodecs;
import dev.iolaus.io.json.JsonlReader;
import dev.iolaus.io.json.Quarantine;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import dev.iolaus.server.analyze.EventFiles;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.io.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cauterization on the simulated {@code golden/cauterized-reserves} traffic, independent of any detector's accuracy:
 * a test detector reports the campaign's true active accounts once they have been seen for three hours (the
 * generator blocks them at six), and the engine must then keep the dormant reserves out on or before their first
 * request, from signup and request attributes alone, without blocking an ordinary user. The policy turns on every
 * cauterize kind (the shipped default links by card and by a tight signup burst only, see {@code docs/policy.md}), since this
 * tests the mechanism across kinds rather than the default's choice.
 */
class CauterizeReservesTest {
    private static final Path DIR = GoldenTest.ROOT.resolve("cauterized-reserves");

    /** Reports the known campaign once event time is three hours past its first request. */
    private static final class KnownCampaign implements Detector {
        private final Set<String> members;
        private long firstMs = Long.MIN_VALUE;
        private boolean reported;

        KnownCampaign(Set<String> members) {
            this.members = members;
        }

        @Override
        public String name() {
            return "known-campaign";
        }

        @Override
        public void onInteraction(Interaction i, Findings out) {
            if (firstMs == Long.MIN_VALUE && members.contains(i.accountId())) {
                firstMs = i.timeMs();
            }
        }

        @Override
        public void onWatermark(long nowMs, Findings out) {
            if (!reported && firstMs != Long.MIN_VALUE && nowMs >= firstMs + 3 * 3_600_000L) {
                reported = true;
                out.campaign(new Campaign("known", name(), members, 0.99, Instant.ofEpochMilli(firstMs),
                        Instant.ofEpochMilli(nowMs), 0, 0, List.of(), List.of()));
            }
        }

        @Override
        public Map<String, Double> accountScores() {
            return Map.of();
        }
    }

    private static Policy allKindsPolicy() {
        try (InputStream in = CauterizeReservesTest.class.getResourceAsStream("/policies/all-cauterize-kinds.yaml")) {
            return PolicyLoader.parse(in, "all-cauterize-kinds.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reservesOfTheBlockedCampaign_areBlockedOnOrBeforeTheirFirstRequest_andOrdinaryUsersAreNot() {
        GoldenSpec spec = GoldenSpec.load(DIR);
        Set<String> members = new HashSet<>(spec.campaigns().get(0).accounts());
        Map<String, Decision> blocks = new HashMap<>();
        Engine engine = new Engine(List.of(new KnownCampaign(members)), allKindsPolicy());
        engine.addListener(new EngineListener() {
            @Override
            public void onDecision(Decision d) {
                if (d.scope() == Scope.ACCOUNT && d.action() == Action.BLOCK && d.enforced()) {
                    blocks.putIfAbsent(d.value(), d);
                }
            }
        });
        new EventFiles(DIR.resolve("input/interactions.jsonl"), DIR.resolve("input/accounts.jsonl"), null)
                .replay(engine, Quarantine.counting(), null);
        Map<String, Long> firstCall = new HashMap<>();
        try (JsonlReader<Interaction> r = JsonlReader.open(DIR.resolve("input/interactions.jsonl"),
                EventCodecs.INTERACTION)) {
            r.forEach(i -> firstCall.putIfAbsent(i.accountId(), i.timeMs()));
        }

        List<String> reserves = spec.cauterized().accounts();
        long onTime = reserves.stream().filter(a -> blocks.containsKey(a)
                && blocks.get(a).createdAt().toEpochMilli() <= firstCall.get(a)).count();
        List<String> benignBlocked = spec.notFlagged().accounts().stream().filter(blocks::containsKey)
                .map(a -> a + ": " + blocks.get(a).reason()).toList();

        assertThat(blocks.keySet()).containsAll(members);
        assertThat(benignBlocked).as("ordinary users blocked").isEmpty();
        assertThat((double) onTime / reserves.size()).as("reserves blocked on or before their first request: "
                + onTime + " of " + reserves.size()).isGreaterThanOrEqualTo(0.95);
        // Campaign accounts blocked by the simulator before they ever sent a request are cauterized too.
        assertThat(engine.stats().cauterized()).isGreaterThanOrEqualTo(onTime);
    }
}
