package com.sigmatiq.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sweep's two halves (path, then accounting) give exactly what the plain simulator gives. */
class TradePathAccountingTest {

    static final Pack PACK = PackLoader.load(TestData.pack("swingsigma"));
    static final BarSeries DAILY = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
            BarCsvReader.Options.defaults());
    static final BarSeries MINUTES = BarCsvReader.read(TestData.data("market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
            BarCsvReader.Options.defaults().withBarEnd(true));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void pathThenAccountingEqualsTheSimulator(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean daily = seed % 2 == 0;
        BarSeries bars = daily ? DAILY : MINUTES;
        String strategy = new String[] {"momentum_swing", "mean_reversion_swing", "breakout_swing"}[seed % 3];
        StrategyConfig config = StrategyConfig.resolve(PACK, strategy, Map.of("allowed_hours", seed % 4 == 1 ? "morning_only" : "all_day"));
        SignalColumns signals = SignalColumns.of(SignalEngine.compile(config).run(bars));
        SessionClock clock = SessionClock.of(bars);
        int from = r.nextInt(0, bars.size() / 3);
        int to = bars.size() - r.nextInt(0, bars.size() / 3);
        Sizing sizing = r.nextBoolean() ? new Sizing.FixedFraction(r.nextDouble(0.01, 1.0))
                : new Sizing.Kelly(0.005, r.nextDouble(0.01, 0.5));
        ExecutionParams p = new ExecutionParams(new double[] {0.25, 0.5, 0.75, 1.0}[r.nextInt(4)],
                r.nextBoolean() ? 0 : r.nextDouble(0.001, 0.1), r.nextBoolean() ? 0 : r.nextDouble(0.001, 0.2),
                r.nextBoolean() ? 0 : r.nextDouble(0.001, 0.1), r.nextInt(0, 5), r.nextDouble(0, 20),
                r.nextBoolean() ? 0 : r.nextDouble(0, 5), r.nextBoolean() ? 0 : r.nextDouble(0, 0.01),
                r.nextDouble(1_000, 1_000_000), sizing);

        BacktestResult plain = Backtester.run(bars, clock, signals, from, to, p);
        PositionState position = new PositionState(0, 0, 0, 0);
        position.configure(p.stopLoss(), p.takeProfit(), p.trailingStop(), p.timeStopDays());
        TradePath path = TradePath.simulate(bars, clock, signals.exitSignal(),
                TradePath.EntryCandidates.of(signals, p.threshold(), from, to), from, to, position, p.slippageBps());
        Accounting.Result fast = Accounting.account(path, bars, clock, from, to, p, true);

        assertThat(plain.trades()).as("a configuration that trades").isNotEmpty();
        assertThat(fast.trades()).isEqualTo(plain.trades());
        assertThat(fast.dailyEquity()).isEqualTo(plain.dailyEquity());
        assertThat(fast.exposureSessions()).isEqualTo(plain.exposureSessions());
        assertThat(fast.metrics()).isEqualTo(plain.metrics());
        assertThat(fast.maxSizeFraction()).isEqualTo(plain.maxSizeFraction());
    }
}
