package dev.iolaus.detect.fingerprint;

import static dev.iolaus.detect.features.TestCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iolaus.detect.features.FeatureExtractor;
import dev.iolaus.detect.net.IpIntel;
import dev.iolaus.model.Funding;
import org.junit.jupiter.api.Test;
import dev.iolaus.detect.features.TestCalls;

class AccountStateTest {
    private final FeatureExtractor fx = new FeatureExtractor(IpIntel.NONE);

    @Test
    void fingerprint_regularScriptFromManyIps_showsRegularityChurnAndCotShare() {
        AccountState s = new AccountState(0);
        long t = 1_000_000_000_000L;
        for (int i = 0; i < 48; i++) {
            var in = call().at(t + i * 60_000L).ip("10.0." + i + ".1")
                    .prompt("Problem " + i + ": think step by step and show your work.");
            s.observe(fx.extract(in), in.timeMs(), in.clientIp(), false);
        }
        AccountFingerprint f = s.fingerprint();
        assertThat(f.interactions()).isEqualTo(48);
        assertThat(f.cotShare()).isEqualTo(1.0);
        assertThat(f.gapCv()).isLessThan(0.05);
        assertThat(f.distinctPrefixes()).isGreaterThan(30);
        assertThat(f.templateDiversity()).isLessThan(0.1);
        assertThat(f.paramUniformity()).isEqualTo(1.0);
        assertThat(s.bytes()).isLessThan(1024);
    }

    @Test
    void fingerprint_conversationalUser_showsDepthAndNoTells() {
        AccountState s = new AccountState(0);
        long t = 1_000_000_000_000L;
        for (int i = 0; i < 10; i++) {
            var in = call().at(t + i * 3_600_000L).followingUp("hi", "hello").prompt("and what about option " + i + "?");
            s.observe(fx.extract(in), in.timeMs(), in.clientIp(), false);
        }
        AccountFingerprint f = s.fingerprint();
        assertThat(f.followUpShare()).isEqualTo(1.0);
        assertThat(f.tellShare()).isZero();
        assertThat(f.hourEntropy()).isGreaterThan(3.0);
    }

    @Test
    void observe_signupWithPrepaidCard_recordsLifecycle() {
        AccountState s = new AccountState(0);
        s.observe(TestCalls.signup("a", 5_000L, "fp", "411111", Funding.PREPAID, "x.com", "1.2.3.4"));
        var in = call().at(5_000L + 7_200_000L).prompt("hello");
        s.observe(fx.extract(in), in.timeMs(), in.clientIp(), true);
        AccountFingerprint f = s.fingerprint();
        assertThat(f.prepaid()).isTrue();
        assertThat(f.ageAtFirstUseHours()).isEqualTo(2.0);
        assertThat(f.newModelShare()).isEqualTo(1.0);
    }
}
