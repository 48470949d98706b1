package com.sigmatiq.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample's trade is the backtest's trade whenever the backtest takes that same entry: with the candidate floor at
 * the configuration's threshold, the backtest's first trade is the first sample's, bit for bit (the same size from
 * the same initial capital, so the same return), and every later backtest trade that does not end at the range's
 * end ({@code end_of_data}) is a sample with the same bars, prices and reason (its return differs only by the
 * rounding of a different size when no commission is charged per order).
 */
class DatasetMatchesBacktestTest {

    static final Pack PACK = PackLoader.load(TestData.pack("swingsigma"));
    static final BarSeries DAILY = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
            BarCsvReader.Options.defaults());
    static final BarSeries MINUTE = BarCsvReader.read(TestData.data("market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
            BarCsvReader.Options.defaults().withBarEnd(true));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("daily momentum, pack exits, Kelly", DAILY, "momentum_swing", Map.of("threshold", 0.5)),
                Arguments.of("daily momentum, 2% and 1.00 per order", DAILY, "momentum_swing",
                        Map.of("threshold", 0.75, "position_size_pct", 2, "commission_per_order", 1, "slippage_bps", 5)),
                Arguments.of("daily momentum, tight stops", DAILY, "momentum_swing",
                        Map.of("threshold", 0.5, "stop_loss_pct", 2, "take_profit_pct", 3, "trailing_stop_pct", 0,
                                "time_stop_days", 0, "position_size_pct", 10)),
                Arguments.of("daily mean reversion", DAILY, "mean_reversion_swing",
                        Map.of("threshold", 0.5, "commission_per_share", 0.01)),
                Arguments.of("daily breakout", DAILY, "breakout_swing", Map.of("threshold", 0.5, "time_stop_days", 3)),
                Arguments.of("minute momentum, morning", MINUTE, "momentum_swing",
                        Map.of("threshold", 0.75, "allowed_hours", "morning_only", "time_stop_days", 1)),
                Arguments.of("minute mean reversion, all day", MINUTE, "mean_reversion_swing",
                        Map.of("threshold", 0.5, "trailing_stop_pct", 0.5, "stop_loss_pct", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samplesAreTheBacktestsTrades(String name, BarSeries bars, String strategy, Map<String, Object> overrides) {
        StrategyConfig config = StrategyConfig.resolve(PACK, strategy, overrides);
        LocalDate start = bars == DAILY ? LocalDate.of(2000, 1, 1) : LocalDate.of(2011, 3, 2);
        LocalDate end = bars == DAILY ? LocalDate.of(2019, 12, 31) : LocalDate.of(2011, 3, 30);
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), start, end);
        List<Trade> trades = StrategyBacktest.run(config, bars, range[0], range[1], Map.of()).result().trades();
        TrainingDataset d = TrainingDataset.build(config, bars, range[0], range[1],
                DatasetOptions.defaults().withCandidateFloor(config.threshold()));
        assertThat(trades).as("backtest trades").hasSizeGreaterThan(2);

        Trade first = trades.get(0);
        assertThat(d.entryBar()[0]).isEqualTo(first.entryBar());
        assertThat(d.exitBar()[0]).isEqualTo(first.exitBar());
        assertThat(d.entryTime()[0]).isEqualTo(first.entryTime());
        assertThat(d.exitTime()[0]).isEqualTo(first.exitTime());
        assertThat(d.entryPrice()[0]).isEqualTo(first.entryPrice());
        assertThat(d.exitPrice()[0]).isEqualTo(first.exitPrice());
        assertThat(d.exitReason(0)).isEqualTo(first.exitReason());
        assertThat(d.netReturn()[0]).isEqualTo(first.returnFraction());
        assertThat(d.labelFraction()).isEqualTo(first.sizeFraction());

        boolean sizeFree = config.commissionPerOrder() == 0;
        int matched = 0;
        for (Trade t : trades) {
            if (t.exitReason() == ExitReason.END_OF_DATA) {
                continue;
            }
            int i = Arrays.binarySearch(d.decisionBar(), t.entryBar() - 1);
            assertThat(i).as("a sample decided where trade %s was", t).isNotNegative();
            assertThat(d.exitBar()[i]).isEqualTo(t.exitBar());
            assertThat(d.entryPrice()[i]).isEqualTo(t.entryPrice());
            assertThat(d.exitPrice()[i]).isEqualTo(t.exitPrice());
            assertThat(d.exitReason(i)).isEqualTo(t.exitReason());
            if (sizeFree) {
                assertThat(d.netReturn()[i]).isCloseTo(t.returnFraction(), within(1e-12));
            }
            matched++;
        }
        assertThat(matched).isGreaterThanOrEqualTo(trades.size() - 1);
        assertThat(d.size()).isGreaterThanOrEqualTo(matched);
    }
}
