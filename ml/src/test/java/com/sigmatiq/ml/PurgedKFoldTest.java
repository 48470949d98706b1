package com.sigmatiq.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PurgedKFoldTest {

    @Test
    void noTrainingSpanTouchesItsTestSpanAndTheEmbargoFollowsIt() {
        Random rnd = new Random(3);
        int n = 500;
        int[] decision = new int[n];
        int[] exit = new int[n];
        int bar = 0;
        for (int i = 0; i < n; i++) {
            bar += 1 + rnd.nextInt(3);
            decision[i] = bar;
            exit[i] = bar + 1 + rnd.nextInt(15);
        }
        int[] rows = IntStream.range(0, n).toArray();
        List<PurgedKFold.Fold> folds = PurgedKFold.split(rows, decision, exit, 5, 0.01);

        assertThat(folds).hasSize(5);
        assertThat(folds.stream().flatMapToInt(f -> Arrays.stream(f.test())).toArray()).containsExactly(rows);
        int purgedTotal = 0;
        for (PurgedKFold.Fold f : folds) {
            int start = decision[f.test()[0]];
            int end = Arrays.stream(f.test()).map(r -> exit[r]).max().orElseThrow();
            for (int r : f.train()) {
                assertThat(decision[r] > end || exit[r] < start).as("fold %d row %d", f.index(), r).isTrue();
            }
            int last = f.test()[f.test().length - 1];
            for (int r = last + 1; r <= Math.min(n - 1, last + 5); r++) {
                assertThat(f.train()).as("embargoed row %d after fold %d", r, f.index()).doesNotContain(r);
            }
            assertThat(f.train().length + f.test().length + f.purged() + f.embargoed()).isEqualTo(n);
            purgedTotal += f.purged();
        }
        assertThat(purgedTotal).as("overlapping spans exist, so something is purged").isPositive();
        assertThat(folds.get(4).embargoed()).as("nothing follows the last fold").isZero();
    }

    @Test
    void refusesFewerRowsThanFolds() {
        assertThatThrownBy(() -> PurgedKFold.split(new int[] {0, 1}, new int[] {0, 1}, new int[] {0, 1}, 5, 0))
                .hasMessageContaining("at least 5 samples");
    }
}
