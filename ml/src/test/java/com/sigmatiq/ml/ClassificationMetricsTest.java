package com.sigmatiq.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metrics against their definitions, on a case small enough to work out by hand. */
class ClassificationMetricsTest {

    // five samples; p ≥ 0.5 predicts 1
    static final double[] P = {0.9, 0.8, 0.3, 0.6, 0.2, 0.6};
    static final int[] Y = {1, 0, 1, 1, 0, 0};

    @Test
    void handWorkedCase() {
        ClassificationMetrics m = ClassificationMetrics.of(P, Y);
        // predicted 1: 0.9 (y1, TP), 0.8 (y0, FP), 0.6 (y1, TP), 0.6 (y0, FP); predicted 0: 0.3 (y1, FN), 0.2 (y0, TN)
        assertThat(m.accuracy()).isEqualTo(3 / 6.0);
        assertThat(m.precision()).isEqualTo(2 / 4.0);
        assertThat(m.recall()).isEqualTo(2 / 3.0);
        assertThat(m.f1Score()).isCloseTo(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), within(1e-15));
        // pairs (positive, negative): positives 0.9, 0.3, 0.6; negatives 0.8, 0.2, 0.6
        // 0.9 beats all three (3); 0.3 beats 0.2 (1); 0.6 beats 0.2, ties 0.6 (1.5): 5.5 of 9
        assertThat(m.aucRoc()).isCloseTo(5.5 / 9, within(1e-15));
        double brier = (0.01 + 0.64 + 0.49 + 0.16 + 0.04 + 0.36) / 6;
        assertThat(m.brierScore()).isCloseTo(brier, within(1e-15));
        double logLoss = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.3) + Math.log(0.6) + Math.log(0.8) + Math.log(0.4)) / 6;
        assertThat(m.logLoss()).isCloseTo(logLoss, within(1e-15));
        assertThat(m.samples()).isEqualTo(6);
        assertThat(m.positives()).isEqualTo(3);
    }

    @Test
    void aucByRanksEqualsPairCountingOnRandomDataWithTies() {
        Random rnd = new Random(7);
        for (int round = 0; round < 50; round++) {
            int n = 2 + rnd.nextInt(200);
            double[] p = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(20) / 20.0; // many ties
                y[i] = rnd.nextInt(2);
            }
            y[0] = 1;
            y[1] = 0;
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (y[i] == 1 && y[j] == 0) {
                        pairs++;
                        wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                    }
                }
            }
            assertThat(ClassificationMetrics.auc(p, y)).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    @Test
    void edgeCases() {
        assertThat(ClassificationMetrics.auc(new double[] {0.1, 0.9}, new int[] {1, 1})).isNull();
        ClassificationMetrics none = ClassificationMetrics.of(new double[] {0.1, 0.2}, new int[] {0, 1});
        assertThat(none.precision()).isZero();
        assertThat(none.f1Score()).isZero();
        // a certain, wrong prediction is clipped, not infinite
        assertThat(ClassificationMetrics.of(new double[] {0.0}, new int[] {1}).logLoss())
                .isCloseTo(-Math.log(1e-15), within(1e-9));
    }
}
