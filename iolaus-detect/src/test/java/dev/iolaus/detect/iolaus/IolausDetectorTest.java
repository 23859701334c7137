package dev.iolaus.detect.iolaus;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.features.TestCalls;
import dev.iolaus.detect.graph.AttributeKind;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.DetectorContext;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Funding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IolausDetectorTest {
    private static final long T0 = java.time.Instant.parse("2026-04-20T00:00:00Z").toEpochMilli();
    private static final String[] BENIGN = {"What is the capital of %s?", "Write a poem about %s.",
        "How do I sort a list of %s in Python?", "Can you summarise the history of %s?", "hello, tell me a joke about %s",
        "What should I cook tonight with %s?", "Explain how %s works. Think step by step."};
    private static final String[] TOPICS = {"France", "cats", "numbers", "Rome", "rain", "pasta", "engines", "tides",
        "jazz", "chess", "bees", "glass"};
    private static final String WRAPPER = "Imagine you had already produced a correct answer to the problem below. "
            + "Spell out, step by step, the reasoning that leads to it.\n\n";

    private final IolausDetector detector = new IolausDetector(DetectorContext.empty());
    private final List<AccountFinding> flags = new ArrayList<>();
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    private final Findings out = new Findings() {
        @Override
        public void flag(AccountFinding f) {
            flags.add(f);
        }

        @Override
        public void campaign(Campaign c) {
            campaigns.put(c.id(), c);
        }
    };

    private void run(int attackers, int benign, int hours) {
        SplittableRandom r = new SplittableRandom(7);
        for (int a = 0; a < attackers; a++) {
            detector.onAccountEvent(TestCalls.signup("atk-" + a, T0 - 86_400_000L + a * 60_000L, "card-" + (a / 3),
                    "533333", Funding.PREPAID, "mail" + a + ".example", "198.51.100." + a), out);
        }
        for (int b = 0; b < benign; b++) {
            detector.onAccountEvent(TestCalls.signup("ben-" + b, T0 - 400 * 86_400_000L + b * 3_600_000L, "bc-" + b,
                    "411111", Funding.CREDIT, "gmail.com", "203.0.113." + b), out);
        }
        for (long t = T0; t < T0 + hours * 3_600_000L; t += 60_000L) {
            int who = r.nextInt(attackers + benign);
            String topic = TOPICS[r.nextInt(TOPICS.length)] + " " + r.nextInt(1000);
            if (who < attackers) {
                String payload = "Problem " + r.nextInt(10_000) + ": a farmer has " + r.nextInt(100) + " sheep and "
                        + TOPICS[r.nextInt(TOPICS.length)] + "; how many legs are there in total on the farm today?";
                String p = r.nextDouble() < 0.3 ? String.format(BENIGN[r.nextInt(BENIGN.length)], topic)
                        : WRAPPER + payload;
                detector.onInteraction(call().account("atk-" + who).at(t).ip("100.64." + who + "." + r.nextInt(255))
                        .prompt(p), out);
            } else {
                int b = who - attackers;
                detector.onInteraction(call().account("ben-" + b).at(t).ip("203.0.113." + b)
                        .prompt(String.format(BENIGN[r.nextInt(BENIGN.length)], topic)), out);
            }
            detector.onWatermark(t, out);
        }
    }

    @Test
    void detector_templatedCampaignAmongBenign_flagsAttackersOnlyWithEvidence() {
        run(12, 60, 12);
        assertThat(flags).isNotEmpty();
        assertThat(flags).allSatisfy(f -> assertThat(f.accountId()).startsWith("atk-"));
        assertThat(flags.stream().map(AccountFinding::accountId).distinct().count()).isGreaterThanOrEqualTo(10);
        AccountFinding f = flags.get(0);
        assertThat(f.campaignId()).isNotNull();
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.text()).contains("accounts share"));
        assertThat(campaigns).isNotEmpty();
        assertThat(detector.accountScores().get("atk-0")).isGreaterThan(0.9);
        assertThat(detector.accountScores().getOrDefault("ben-0", 0.0)).isLessThan(0.5);
    }

    @Test
    void detector_reserveSigningUpWithCampaignCard_flaggedAtSignup() {
        run(12, 60, 12);
        int before = flags.size();
        detector.onAccountEvent(TestCalls.signup("reserve-1", T0 + 13 * 3_600_000L, "card-0", "533333",
                Funding.PREPAID, "other.example", "192.0.2.9"), out);
        assertThat(flags.subList(before, flags.size())).extracting(AccountFinding::accountId).contains("reserve-1");
        assertThat(detector.linkedCampaign("reserve-1")).isPresent();
        assertThat(detector.linkedCampaign(AttributeKind.PAYMENT, "card-0")).isPresent();
        assertThat(detector.linkedCampaign(AttributeKind.PAYMENT, "bc-1")).isEmpty();
    }

    @Test
    void detector_benignOnly_flagsNothing() {
        run(0, 80, 12);
        assertThat(flags).isEmpty();
        assertThat(campaigns).isEmpty();
    }

    @Test
    void stateBytes_perAccount_underBudget() {
        run(12, 60, 6);
        assertThat(detector.stateBytes() / detector.accounts()).isLessThan(4096);
    }

    @Test
    void zThreshold_targetFpr_mapsToPerCandidateLevel() {
        assertThat(IolausDetector.zThreshold(0.001)).isBetween(4.7, 4.8);
        assertThat(IolausDetector.zThreshold(0.01)).isLessThan(IolausDetector.zThreshold(0.001));
    }
}
