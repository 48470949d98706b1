package com.sigmatiq.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.backtest.PositionState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Units can be run anywhere, in any order, any number of times: the results are the same. */
class SweepSessionTest {

    @Test
    void unitsPartitionTheGridAndGiveTheRunnersResultsInAnyOrder() {
        SweepGrid grid = SweepRunnerTest.grid();
        SweepRunner.Request request = new SweepRunner.Request(grid, SweepRunnerTest.MINUTES, 0, SweepRunnerTest.MINUTES.size(), Map.of());
        SweepRunner.Outcome whole = SweepRunner.run(request, new SweepRunner.Options(0, 2, null, null));

        SweepSession a = new SweepSession(request);
        SweepSession b = new SweepSession(request); // another "worker"
        assertThat(a.unitSize()).isEqualTo(2); // position_size_pct only changes the accounting
        assertThat(a.units() * a.unitSize()).isEqualTo(grid.size());
        TreeSet<Long> seen = new TreeSet<>();
        List<Long> order = new ArrayList<>();
        for (long u = 0; u < a.units(); u++) {
            order.add(u);
            for (long id : a.comboIds(u)) {
                assertThat(seen.add(id)).as("combo %d in one unit only", id).isTrue();
            }
        }
        assertThat(seen).hasSize((int) grid.size()).first().isEqualTo(1L);
        Collections.shuffle(order, new Random(7));
        List<SweepSession.ComboOutcome> all = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            SweepSession worker = i % 2 == 0 ? a : b;
            SweepSession.ComboOutcome[] run = worker.runUnit(order.get(i), new PositionState(0, 0, 0, 0));
            SweepSession.ComboOutcome[] again = worker.runUnit(order.get(i), new PositionState(0, 0, 0, 0));
            assertThat(again).isEqualTo(run); // a unit run twice counts the same
            Collections.addAll(all, run);
        }
        all.sort(java.util.Comparator.comparingLong(SweepSession.ComboOutcome::comboId)); // V is summed in combo order
        double v = SweepSession.trialSharpeVariance(all.stream().map(SweepSession.ComboOutcome::moments).toList());
        assertThat(v).isEqualTo(whole.trialSharpeVariance());
        for (SweepSession.ComboOutcome o : all) {
            SweepRunner.ComboResult r = whole.results()[(int) o.comboId() - 1];
            assertThat(SweepSession.deflate(o.metrics(), o.moments(), all.size(), v)).isEqualTo(r.metrics());
            assertThat(o.verdict()).isEqualTo(r.verdict());
        }
    }
}
