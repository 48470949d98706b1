package com.sigmatiq.local.soak;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlatnessTest {

    @Test
    void aSteadySeriesIsFlatAndAGrowingOneIsNot() {
        List<Double> steady = new ArrayList<>();
        List<Double> growing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            steady.add(200.0 + (i % 3)); // 200, 201, 202, ...
            growing.add(200.0 + 10 * i);
        }
        Flatness.Thirds s = Flatness.thirds(steady, 5);
        assertThat(s.samples()).isEqualTo(25);
        assertThat(s.first()).isEqualTo(201.0);
        assertThat(s.flat(1.0, 2)).isTrue();
        Flatness.Thirds g = Flatness.thirds(growing, 5);
        // kept: 250..490; thirds of 8: 250..320 (median 285) and 420..490 (median 455)
        assertThat(g.first()).isEqualTo(285.0);
        assertThat(g.last()).isEqualTo(455.0);
        assertThat(g.slopePerSample()).isEqualTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.flat(1.25, 20)).isFalse();
    }

    @Test
    void missingMinutesAreLeftOutAndPercentilesAreByNearestRank() {
        List<Double> withGaps = new ArrayList<>(List.of(Double.NaN, 5.0, Double.NaN, 5.0, 5.0, 5.0, Double.NaN, 5.0, 5.0));
        assertThat(Flatness.thirds(withGaps, 0).samples()).isEqualTo(6);
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) {
            ms[i] = 100 - i; // 100 .. 1
        }
        assertThat(Flatness.percentile(ms, 50)).isEqualTo(50.0);
        assertThat(Flatness.percentile(ms, 99)).isEqualTo(99.0);
        assertThat(Flatness.percentile(new long[0], 99)).isNaN();
        assertThat(Flatness.median(List.of(1.0, 3.0))).isEqualTo(2.0);
    }

    @Test
    void errorLinesAreSpringBootsErrorLevel() {
        assertThat(LogErrors.ERROR.matcher("2026-12-05T01:54:35.386Z ERROR 18488 --- [svc] [main] x.Y : boom").find()).isTrue();
        assertThat(LogErrors.ERROR.matcher("2026-12-05T01:54:35.386Z  INFO 18488 --- [svc] [main] x.Y : ERROR in text").find())
                .isFalse();
    }
}
