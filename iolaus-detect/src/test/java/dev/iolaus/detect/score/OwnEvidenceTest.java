package dev.iolaus.detect.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OwnEvidenceTest {
    @Test
    void lnGamma_integers_matchFactorials() {
        assertThat(OwnEvidence.lnGamma(1)).isCloseTo(0, within(1e-12));
        assertThat(OwnEvidence.lnGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        double ln100f = 0;
        for (int i = 2; i < 100; i++) {
            ln100f += Math.log(i);
        }
        assertThat(OwnEvidence.lnGamma(100)).isCloseTo(ln100f, within(1e-9));
    }

    @Test
    void logBayesFactor_largeCampaign_approachesPointLikelihoodRatio() {
        double point = 4 * Math.log(0.05 / 0.4) + 36 * Math.log(0.95 / 0.6);
        assertThat(OwnEvidence.logBayesFactor(4, 40, 0.05, 400_000, 1_000_000)).isCloseTo(point, within(0.01));
    }

    @Test
    void logBayesFactor_accountLikeTheCampaign_negative() {
        assertThat(OwnEvidence.logBayesFactor(16, 40, 0.05, 400, 1_000)).isLessThan(-10);
        assertThat(OwnEvidence.logBayesFactor(0, 0, 0.05, 400, 1_000)).isZero();
    }
}
