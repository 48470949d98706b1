package com.sigmatiq.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden regression: momentum_swing with the seed's configuration (model overrides rsi_period 21,
 * stop_loss_pct 6, max_position_pct 3; leaderboard combo 15: threshold 0.60, allowed_hours [9, 10, 11]
 * — ignored on daily bars — and position_size_pct 2) over the bundled SPY daily bars 1999-11-01..2020-08-28.
 *
 * <p>How the numbers were checked: the first trade is re-derived in {@link #firstTradeByHand()} from the raw
 * CSV values and DESIGN's rules alone (next-open fill with 2 bps, 5% trailing stop from the highest high,
 * exit at the level minus slippage, calendar-day duration, 2% of 100,000 invested). The pinned counts and
 * metrics are this engine's output at the commit that introduced the test; they were cross-checked by the
 * sweep's fast path (identical), by the streaming signal path (identical signals), and for plausibility
 * (a 2%-sized position on SPY: equity moves within ±2%, so |total return| and |drawdown| are small).
 * A change here means the engine's behaviour changed: explain it in the commit.
 */
class GoldenMomentumSwingTest {

    static BarSeries spy;
    static StrategyBacktest.Report report;

    @BeforeAll
    static void run() {
        spy = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"), BarCsvReader.Options.defaults());
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("rsi_period", 21);
        overrides.put("stop_loss_pct", 6);
        overrides.put("max_position_pct", 3);
        overrides.put("threshold", 0.60);
        overrides.put("allowed_hours", List.of(9, 10, 11));
        overrides.put("position_size_pct", 2);
        StrategyConfig config = StrategyConfig.resolve(PackLoader.load(TestData.pack("swingsigma")), "momentum_swing", overrides);
        report = StrategyBacktest.run(config, spy, 0, spy.size(), Map.of());
    }

    private static LocalDate date(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), spy.zone());
    }

    private static int row(String date) {
        for (int i = 0; i < spy.size(); i++) {
            if (date(spy.time()[i]).toString().equals(date)) {
                return i;
            }
        }
        throw new AssertionError(date);
    }

    @Test
    void firstTradeByHand() {
        Trade t = report.result().trades().get(0);
        int in = row("1999-12-27");
        int out = row("2000-01-04");
        assertThat(t.entryBar()).isEqualTo(in);
        assertThat(t.exitBar()).isEqualTo(out);
        double fill = 146.5 * (1 + 2 / 10_000.0); // 1999-12-27 open 146.5, buy slippage 2 bps
        assertThat(t.entryPrice()).isEqualTo(fill);
        double peak = 0;
        for (int i = in; i < out; i++) {
            peak = Math.max(peak, spy.high()[i]);
        }
        assertThat(peak).isEqualTo(148.25); // 2000-01-03 high
        double trailing = peak * (1 - 0.05);
        // 2000-01-04: open 143.5312 above the stop, low 139.6406 below it: exit at the stop level
        assertThat(spy.open()[out]).isGreaterThan(trailing);
        assertThat(spy.low()[out]).isLessThanOrEqualTo(trailing);
        assertThat(t.exitPrice()).isEqualTo(trailing * (1 - 2 / 10_000.0));
        assertThat(t.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
        assertThat(t.shares()).isEqualTo(0.02 * 100_000 / fill);
        assertThat(t.durationDays()).isEqualTo(8);
        assertThat(t.returnFraction()).isCloseTo(t.exitPrice() / t.entryPrice() - 1, within(1e-15));
    }

    @Test
    void pinnedTradesAndMetrics() {
        List<Trade> trades = report.result().trades();
        assertThat(trades).hasSize(392);
        Map<ExitReason, Integer> reasons = new EnumMap<>(ExitReason.class);
        trades.forEach(t -> reasons.merge(t.exitReason(), 1, Integer::sum));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(ExitReason.EXIT_SIGNAL, 263, ExitReason.TIME_STOP, 108,
                ExitReason.TRAILING_STOP, 19, ExitReason.STOP_LOSS, 2));
        Trade second = trades.get(1);
        assertThat(date(second.entryTime())).hasToString("2000-01-18");
        assertThat(date(second.exitTime())).hasToString("2000-01-24");
        assertThat(second.exitReason()).isEqualTo(ExitReason.EXIT_SIGNAL);
        assertThat(second.entryPrice()).isCloseTo(145.37276874, within(1e-9));
        assertThat(second.exitPrice()).isCloseTo(145.62706876, within(1e-9));
        Trade third = trades.get(2);
        assertThat(date(third.entryTime())).hasToString("2000-02-08");
        assertThat(date(third.exitTime())).hasToString("2000-02-10");
        assertThat(third.returnFraction()).isCloseTo(-0.016672642541507635, within(1e-12));

        Metrics m = report.result().metrics();
        double tol = 1e-12;
        assertThat(m.totalTrades()).isEqualTo(392);
        assertThat(m.totalReturn()).isCloseTo(-0.0036673391748396345, within(tol));
        assertThat(m.annualizedReturn()).isCloseTo(-0.000176643097039908, within(tol));
        assertThat(m.sharpeRatio()).isCloseTo(-0.09376058377649539, within(tol));
        assertThat(m.sortinoRatio()).isCloseTo(-0.12403381134257643, within(tol));
        assertThat(m.maxDrawdown()).isCloseTo(-0.014309764504647715, within(tol));
        assertThat(m.winRate()).isCloseTo(0.43112244897959184, within(tol));
        assertThat(m.profitFactor()).isCloseTo(0.9350156615146544, within(tol));
        assertThat(m.avgTradeDurationDays()).isCloseTo(7.571428571428571, within(tol));
        assertThat(m.bestTrade()).isCloseTo(0.08513825058749887, within(tol));
        assertThat(m.worstTrade()).isCloseTo(-0.06170982960473801, within(tol));
        assertThat(m.exposure()).isCloseTo(0.4665140240412135, within(tol));
        assertThat(m.deflatedSharpeRatio()).isCloseTo(0.33402182268557107, within(tol));
        assertThat(report.verdict().pass()).isFalse(); // sharpe below the pack's 0.7
    }
}
