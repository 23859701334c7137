package dev.iolaus.detect.engine;

import dev.iolaus.detect.policy.AttributeExtractor;
import dev.iolaus.detect.policy.DefaultAttributeExtractor;
import dev.iolaus.detect.policy.Policy;
import dev.iolaus.detect.spi.AccountFinding;
import dev.iolaus.detect.spi.Detector;
import dev.iolaus.detect.spi.Findings;
import dev.iolaus.model.AccountEvent;
import dev.iolaus.model.Action;
import dev.iolaus.model.Campaign;
import dev.iolaus.model.Decision;
import dev.iolaus.model.Interaction;
import dev.iolaus.model.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A detector together with the policy and the cauterizer, run by an {@link Engine} and seen as one {@link Detector}
 * that emits decisions: what the product enforces, so that {@code iolaus eval} measures the same path as
 * {@code iolaus analyze} and {@code iolaus serve}.
 */
public final class EngineDetector implements Detector {
    private final String name;
    private final Detector inner;
    private final Engine engine;
    private Findings out = Findings.NONE;

    /** Wraps {@code inner} with {@code policy}; the result reports under the inner detector's name. */
    public EngineDetector(Detector inner, Policy policy) {
        this.name = inner.name();
        this.inner = inner;
        // A detector that knows richer attributes (template signatures) lends them to the cauterizer, as in analyze
        // and serve.
        AttributeExtractor extractor = inner instanceof AttributeExtractor x
                ? new DefaultAttributeExtractor().andThen(x) : new DefaultAttributeExtractor();
        this.engine = new Engine(List.of(inner), policy, extractor, EngineOptions.DEFAULT);
        // The engine calls back on this thread while accept() runs; forward to whoever is driving us now.
        engine.addListener(new EngineListener() {
            @Override
            public void onDecision(Decision decision) {
                out.decision(decision);
            }

            @Override
            public void onCampaign(Campaign campaign) {
                out.campaign(campaign);
            }

            @Override
            public void onFinding(AccountFinding finding) {
                out.flag(finding);
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void onAccountEvent(AccountEvent event, Findings findings) {
        out = findings;
        engine.accept(event);
    }

    @Override
    public void onInteraction(Interaction interaction, Findings findings) {
        out = findings;
        engine.accept(interaction);
    }

    @Override
    public void onWatermark(long nowMs, Findings findings) {
        out = findings;
        engine.advanceTo(nowMs);
    }

    /**
     * Account scores of the inner detector, raised to 1 for accounts the policy blocked by account scope (cauterized
     * reserves, campaign members), so that the PR curve ranks what is enforced.
     */
    @Override
    public Map<String, Double> accountScores() {
        Map<String, Double> s = new HashMap<>(inner.accountScores());
        for (Decision d : engine.decisions().all()) {
            if (d.enforced() && d.action() == Action.BLOCK && d.scope() == Scope.ACCOUNT) {
                s.put(d.value(), 1.0);
            }
        }
        return s;
    }

    @Override
    public boolean emitsDecisions() {
        return true;
    }
}
