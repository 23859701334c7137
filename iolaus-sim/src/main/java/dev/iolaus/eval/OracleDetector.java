package dev.iolaus.eval;

import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.Evidence;
import dev.iolaus.model.Interaction;
import dev.iolaus.sim.Truth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ceiling: reads the truth and flags every attacker account at its first interaction (so each attacker account
 * is served exactly its first call). Lives in the harness because no real detector may read the truth.
 */
public final class OracleDetector implements Detector {
    /** Registry name. */
    public static final String NAME = "oracle";
    private final Supplier<Truth> truth;
    private final Map<String, Double> scores = new HashMap<>();

    /** An oracle over the truth of the stream being replayed (read on every call: reserves appear as they activate). */
    public OracleDetector(Supplier<Truth> truth) {
        this.truth = truth;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onInteraction(Interaction interaction, Findings out) {
        if (interaction.endUserId() != null) {
            endUser(interaction, out);
            return;
        }
        String id = interaction.accountId();
        if (scores.containsKey(id)) {
            return;
        }
        Truth.AccountTruth t = truth.get().accounts().get(id);
        boolean attacker = t != null && t.attacker();
        scores.put(id, attacker ? 1.0 : 0.0);
        if (attacker) {
            out.flag(new AccountFinding(NAME, id, 1.0, interaction.time(), t.campaignId(),
                    List.of(new Evidence("truth", "the truth labels this account " + t.campaignId(), 1.0))));
        }
    }

    /** An end user of a host: an attacker when the call's own label (a hosted campaign's sender) says so. */
    private void endUser(Interaction interaction, Findings out) {
        String id = interaction.principal();
        if (scores.containsKey(id)) {
            return;
        }
        String label = truth.get().labelOf(interaction.eventId(), interaction.accountId());
        boolean attacker = label != null && truth.get().campaigns().containsKey(label);
        scores.put(id, attacker ? 1.0 : 0.0);
        if (attacker) {
            out.flag(new AccountFinding(NAME, id, 1.0, interaction.time(), label,
                    List.of(new Evidence("truth", "the truth labels this end user's calls " + label, 1.0))));
        }
    }

    @Override
    public Map<String, Double> accountScores() {
        return Map.copyOf(scores);
    }
}
