package com.sigmatiq.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {

    static final BarSeries MINUTES = BarCsvReader.read(TestData.data("market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
            BarCsvReader.Options.defaults().withBarEnd(true));

    static SweepGrid grid() {
        StrategyConfig base = StrategyConfig.defaults(PackLoader.load(TestData.pack("swingsigma")), "momentum_swing");
        Map<String, List<?>> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.5, 0.75));
        p.put("allowed_hours", List.of(List.of(9, 10, 11), "all_day"));
        p.put("rsi_period", List.of(14, 28));
        p.put("stop_loss_pct", List.of(0.2, 1));
        p.put("trailing_stop_pct", List.of(0, 0.1));
        p.put("position_size_pct", List.of(2, 5));
        return SweepGrid.of(base, p);
    }

    @Test
    void everyCombinationEqualsItsPlainBacktest() {
        SweepGrid g = grid();
        AtomicLong lastProgress = new AtomicLong();
        SweepRunner.Outcome o = SweepRunner.run(new SweepRunner.Request(g, MINUTES, 0, MINUTES.size(), Map.of()),
                new SweepRunner.Options(5, 2, (done, total) -> lastProgress.accumulateAndGet(done, Math::max), null));
        assertThat(o.done()).isEqualTo(64);
        assertThat(lastProgress.get()).isEqualTo(64);
        List<Double> sharpes = new ArrayList<>();
        double[] dailySharpes = new double[64];
        for (long id = 1; id <= 64; id++) {
            StrategyBacktest.Report plain = StrategyBacktest.run(g.config(id), MINUTES, 0, MINUTES.size(), Map.of());
            SweepRunner.ComboResult r = o.results()[(int) id - 1];
            assertThat(r.comboId()).isEqualTo(id);
            assertThat(r.metrics().withDeflatedSharpeRatio(null)).as("combo %d", id)
                    .isEqualTo(plain.result().metrics().withDeflatedSharpeRatio(null));
            assertThat(r.verdict()).isEqualTo(plain.verdict());
            sharpes.add(r.metrics().sharpeRatio());
            dailySharpes[(int) id - 1] = MetricsCalculator.dailySharpe(MetricsCalculator.dailyReturns(100_000, plain.result().dailyEquity()));
            // DSR with N = 64 and V = the population variance of the trials' daily Sharpe ratios
        }
        double mean = java.util.Arrays.stream(dailySharpes).average().orElseThrow();
        double v = java.util.Arrays.stream(dailySharpes).map(s -> (s - mean) * (s - mean)).sum() / 64;
        assertThat(o.trialSharpeVariance()).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-12));
        StrategyBacktest.Report p7 = StrategyBacktest.run(g.config(7), MINUTES, 0, MINUTES.size(), Map.of());
        assertThat(o.results()[6].metrics().deflatedSharpeRatio())
                .isEqualTo(MetricsCalculator.deflatedSharpe(MetricsCalculator.dailyReturns(100_000, p7.result().dailyEquity()), 64, o.trialSharpeVariance()));
        // the top five are the five best Sharpe ratios, best first, with their full trade lists
        sharpes.sort((a, b) -> Double.compare(b, a));
        assertThat(o.top()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(o.top().get(i).result().metrics().sharpeRatio()).isEqualTo(sharpes.get(i));
        }
        StrategyBacktest.Report best = o.top().get(0);
        List<Trade> trades = StrategyBacktest.run(best.config(), MINUTES, 0, MINUTES.size(), Map.of()).result().trades();
        assertThat(best.result().trades()).isEqualTo(trades).isNotEmpty();
    }

    @Test
    void cancellingStopsEarly() {
        AtomicBoolean cancel = new AtomicBoolean(false);
        SweepRunner.Outcome o = SweepRunner.run(new SweepRunner.Request(grid(), MINUTES, 0, MINUTES.size(), Map.of()),
                new SweepRunner.Options(0, 1, (done, total) -> cancel.set(true), cancel::get));
        assertThat(o.cancelled()).isTrue();
        assertThat(o.done()).isLessThan(64);
        assertThat(java.util.Arrays.stream(o.results()).filter(java.util.Objects::nonNull).count()).isEqualTo(o.done());
    }
}
