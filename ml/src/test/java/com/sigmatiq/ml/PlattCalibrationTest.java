package com.sigmatiq.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

    @Test
    void recoversTheLogisticThatGeneratedTheLabels() {
        Random rnd = new Random(11);
        int n = 40_000;
        double a = -1.7;
        double b = 0.4;
        double[] f = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = rnd.nextGaussian() * 2;
            double p = 1 / (1 + Math.exp(a * f[i] + b));
            y[i] = rnd.nextDouble() < p ? 1 : 0;
        }
        PlattCalibration c = PlattCalibration.fit(f, y);
        assertThat(c.method()).isEqualTo(TrainingSettings.Calibration.SIGMOID);
        assertThat(c.a()).isCloseTo(a, within(0.05));
        assertThat(c.b()).isCloseTo(b, within(0.05));
        assertThat(c.probability(0)).isCloseTo(1 / (1 + Math.exp(c.b())), within(1e-15));
    }

    @Test
    void anInvertedFitKeepsTheBoostersOrderByFallingBackToTheBaseRate() {
        Random rnd = new Random(5);
        int n = 2_000;
        double[] f = new double[n];
        int[] y = new int[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            f[i] = rnd.nextGaussian();
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(1.5 * f[i])) ? 1 : 0; // higher margin, fewer positives
            positives += y[i];
        }
        PlattCalibration c = PlattCalibration.fit(f, y);
        assertThat(c.a()).isZero();
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1 / (n - positives + 2.0);
        double base = (positives * hi + (n - positives) * lo) / n;
        assertThat(c.probability(-3)).isCloseTo(base, within(1e-12));
        assertThat(c.probability(3)).isCloseTo(base, within(1e-12));
    }

    @Test
    void separableDataStaysFinite() {
        double[] f = {-3, -2, -1, 1, 2, 3};
        int[] y = {0, 0, 0, 1, 1, 1};
        PlattCalibration c = PlattCalibration.fit(f, y);
        assertThat(Double.isFinite(c.a()) && Double.isFinite(c.b())).isTrue();
        assertThat(c.probability(3)).isGreaterThan(0.5);
        assertThat(c.probability(-3)).isLessThan(0.5);
        // Platt's smoothed targets keep probabilities away from 0 and 1
        assertThat(c.probability(3)).isLessThan(1);
    }

    @Test
    void noneIsTheLogisticLinkAndNeverOverflows() {
        PlattCalibration none = PlattCalibration.none();
        assertThat(none.probability(0)).isEqualTo(0.5);
        assertThat(none.probability(2)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
        assertThat(none.probability(1000)).isEqualTo(1.0);
        assertThat(none.probability(-1000)).isEqualTo(0.0);
    }
}
