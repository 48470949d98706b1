package com.sigmatiq.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The block algorithm against the definition (scan every window), and it leaves the warm-up bars alone. */
class SlidingExtremesTest {

    @ParameterizedTest(name = "w={0}, n={1}")
    @CsvSource({"1, 10", "2, 11", "14, 1000", "14, 14", "14, 13", "100, 1001", "7, 700", "3, 5"})
    void equalsTheDefinition(int w, int n) {
        Random r = new Random(w * 31L + n);
        double[] x = new double[n]; // the lows: min over them
        double[] y = new double[n]; // the highs: max over them, a column of its own
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(4) == 0 ? 5.0 : Math.round(r.nextGaussian() * 100) / 4.0; // ties and runs
            y[i] = x[i] + r.nextInt(3);
        }
        double[] min = new double[n];
        double[] max = new double[n];
        java.util.Arrays.fill(min, -1234.5);
        java.util.Arrays.fill(max, -1234.5);
        SlidingExtremes.Scratch scratch = new SlidingExtremes.Scratch(w);
        SlidingExtremes.minMax(x, y, n, w, min, max, scratch);
        for (int i = 0; i < n; i++) {
            if (i < w - 1) {
                assertThat(min[i]).as("untouched %d", i).isEqualTo(-1234.5);
                assertThat(max[i]).as("untouched %d", i).isEqualTo(-1234.5);
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = i - w + 1; k <= i; k++) {
                lo = Math.min(lo, x[k]);
                hi = Math.max(hi, y[k]);
            }
            assertThat(min[i]).as("min at %d", i).isEqualTo(lo);
            assertThat(max[i]).as("max at %d", i).isEqualTo(hi);
        }
    }
}
