package dev.iolaus.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capacity ratio is the median of each round's own gateway/nginx ratio, and every round is reported. */
class SaturationRoundsTest {

    private static Saturation.Round round(double direct, double gateway, double nginx) {
        return new Saturation.Round(new LoadTools.Result(direct, 0.3, 1.0), new LoadTools.Result(gateway, 1.5, 6.0),
                nginx == 0 ? null : new LoadTools.Result(nginx, 0.9, 3.0));
    }

    @Test
    void medianRatio_oddRounds_isMedianOfPerRoundRatiosNotRatioOfMedians() {
        // Ratios 0.5, 0.8, 0.6: median 0.6. The ratio of the side medians would be 30k / 50k = 0.6 only by luck,
        // so the rounds are chosen to tell the two apart: gateway median 24k, nginx median 40k -> 0.6 vs 0.5.
        List<Saturation.Round> rounds = List.of(round(60_000, 20_000, 40_000), round(60_000, 24_000, 30_000),
                round(60_000, 30_000, 50_000));
        assertThat(Saturation.medianRatio(rounds)).isCloseTo(0.6, within(1e-9));
        assertThat(Saturation.median(rounds, Saturation.Round::gateway).rps()).isEqualTo(24_000);
        assertThat(Saturation.median(rounds, Saturation.Round::nginx).rps()).isEqualTo(40_000);
    }

    @Test
    void medianRatio_evenRounds_averagesTheMiddleTwo() {
        List<Saturation.Round> rounds = List.of(round(1, 10, 20), round(1, 30, 40), round(1, 35, 50),
                round(1, 90, 100));
        // Ratios 0.5, 0.75, 0.7, 0.9 -> sorted 0.5, 0.7, 0.75, 0.9 -> (0.7 + 0.75) / 2.
        assertThat(Saturation.medianRatio(rounds)).isCloseTo(0.725, within(1e-9));
    }

    @Test
    void cpuNanos_thisProcessAfterWork_positiveAndGrowing() {
        long before = Saturation.cpuNanos(ProcessHandle.current(), false);
        long x = 0;
        for (int i = 0; i < 50_000_000; i++) {
            x += i ^ (x >>> 3);
        }
        long after = Saturation.cpuNanos(ProcessHandle.current(), false);
        assertThat(x).isNotZero();
        assertThat(before).isPositive();
        assertThat(after).isGreaterThan(before);
        assertThat(Saturation.cpuNanos(null, true)).isEqualTo(-1);
    }

    @Test
    void medianOf_unknownCpu_ignoredNotCountedAsZero() {
        List<Saturation.Round> rounds = List.of(
                new Saturation.Round(null, null, null, Double.NaN, 30.0, 15.0),
                new Saturation.Round(null, null, null, Double.NaN, 20.0, Double.NaN),
                new Saturation.Round(null, null, null, Double.NaN, 40.0, 17.0));
        assertThat(Saturation.medianOf(rounds, Saturation.Round::gatewayCpuUs)).isEqualTo(30.0);
        assertThat(Saturation.medianOf(rounds, Saturation.Round::nginxCpuUs)).isEqualTo(16.0);
        assertThat(Saturation.medianOf(rounds, Saturation.Round::directCpuUs)).isNaN();
        assertThat(Saturation.cpu(Double.NaN)).isNull();
    }

    @Test
    void json_everyRound_listedWithItsRatio() {
        List<Saturation.Round> rounds = new ArrayList<>(List.of(round(50_000, 20_000, 40_000), round(55_000, 21_000, 0)));
        List<Map<String, Object>> json = Saturation.json(rounds);
        assertThat(json).hasSize(2);
        assertThat(json.get(0)).containsEntry("direct_rps", 50_000L).containsEntry("gateway_rps", 20_000L)
                .containsEntry("nginx_rps", 40_000L).containsEntry("ratio", 0.5);
        assertThat(json.get(1)).containsEntry("nginx_rps", null).containsEntry("ratio", null);
    }
}
