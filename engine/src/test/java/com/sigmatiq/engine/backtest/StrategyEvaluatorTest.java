package com.sigmatiq.engine.backtest;

import static com.sigmatiq.engine.backtest.TestBars.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.BarFeatures;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The evaluator's decisions bar by bar, against hand-built bars (DESIGN §4 by hand) and against the batch path. */
class StrategyEvaluatorTest {

    /** Feeds every bar of {@code b} to a column-fed evaluator and keeps a copy of each decision's fields. */
    static List<String> decisions(TestBars b, SignalColumns s, ExecutionParams p) {
        BarSeries bars = b.series();
        SessionClock clock = SessionClock.of(bars);
        StrategyEvaluator e = StrategyEvaluator.columnFed(p);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < bars.size(); t++) {
            Decision d = e.onBar(t, bars, clock, s, t == bars.size() - 1);
            out.add(describe(d));
        }
        return out;
    }

    static String describe(Decision d) {
        StringBuilder sb = new StringBuilder(d.action().name());
        if (d.entryFilled()) {
            sb.append(" filled ").append(d.entryShares()).append('@').append(d.entryFillPrice());
        }
        if (d.exited()) {
            sb.append(' ').append(d.exitReason()).append(' ').append(d.exitShares()).append('@').append(d.exitFillPrice());
        }
        if (d.exitDecided()) {
            sb.append(" sell ").append(d.exitShares()).append(" next open");
        }
        if (d.entryDecided()) {
            sb.append(" buy ").append(d.orderAmount()).append(" next open");
            if (!Double.isNaN(d.orderShares())) {
                sb.append(" (").append(d.orderShares()).append(" shares)");
            }
        }
        return sb.append(" equity ").append(d.equity()).toString();
    }

    static ExecutionParams params(double stop, double capital, double size, boolean whole) {
        return new ExecutionParams(0.5, stop, 0, 0, 0, 0, 0, 0, capital, new Sizing.FixedFraction(size), whole);
    }

    @Nested
    class OneBarInOneDecisionOut {

        @Test
        void entryThenRuleExitThenReEntryFromTheCloseOfTheBarWhoseOpenSold() {
            // bar 0 decides an entry; bar 1 fills it at 100; bar 2's close holds an exit line; bar 3's open sells at
            // 102 and, flat from that open, its close may decide again; bar 4 fills at 103; bar 5, the last, closes it
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(100, 103, 99, 102).bar(102, 103, 101, 102)
                    .bar(103, 104, 102, 103).bar(103, 106, 102, 105);
            List<String> d = decisions(b, signals(6, new int[] {0, 3}, new int[] {2}), params(0, 100_000, 1.0, false));
            double shares = 102_000.0 / 103;
            double cash = 102_000 - shares * 103; // the last bits of 102,000 − 990.29… × 103
            assertThat(d).containsExactly(
                    "ENTER buy 100000.0 next open equity 100000.0",
                    "HOLD filled 1000.0@100.0 equity 100000.0",
                    "EXIT sell 1000.0 next open equity 102000.0",
                    "ENTER exit_signal 1000.0@102.0 buy 102000.0 next open equity 102000.0",
                    "HOLD filled 990.2912621359224@103.0 equity 102000.0",
                    "EXIT end_of_data " + shares + "@105.0 equity " + (cash + shares * 105));
        }

        @Test
        void aStopInsideTheBarAndAnEntryAtItsClose() {
            // filled at 100 on bar 1, stop 92 hit inside bar 2 (low 91): flat at bar 2's close, which decides again
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(99, 100, 91, 95).flat(95).flat(95);
            List<String> d = decisions(b, signals(5, new int[] {0, 2}, new int[0]), params(0.08, 100_000, 1.0, false));
            assertThat(d.get(2)).isEqualTo("ENTER stop_loss 1000.0@92.0 buy 92000.0 next open equity 92000.0");
            assertThat(d.get(3)).isEqualTo("HOLD filled 968.421052631579@95.0 equity 92000.0");
        }

        @Test
        void wholeSharesAreTheFloorOfTheAmountOverTheDecidingClose() {
            // 10,000 × 50% = 5,000 at the deciding close 103: 48 shares (5,000 / 103 = 48.5), bought at the next open 104
            TestBars b = TestBars.daily().flat(103).bar(104, 105, 103, 104).flat(104);
            List<String> d = decisions(b, signals(3, new int[] {0}, new int[0]), params(0, 10_000, 0.5, true));
            assertThat(d).containsExactly(
                    "ENTER buy 5000.0 next open (48.0 shares) equity 10000.0",
                    "HOLD filled 48.0@104.0 equity 10000.0",
                    "EXIT end_of_data 48.0@104.0 equity 10000.0");
            // fractional shares buy 5,000 / 104 at the open instead
            assertThat(decisions(b, signals(3, new int[] {0}, new int[0]), params(0, 10_000, 0.5, false)).get(1))
                    .isEqualTo("HOLD filled 48.07692307692308@104.0 equity 10000.0");
        }

        @Test
        void noEntryWhenTheAmountBuysLessThanOneWholeShare() {
            TestBars b = TestBars.daily().flat(103).flat(104).flat(104);
            List<String> d = decisions(b, signals(3, new int[] {0, 1}, new int[0]), params(0, 150, 0.5, true));
            assertThat(d).allMatch(s -> s.startsWith("WAIT"));
        }

        @Test
        void theBacktesterIsALoopOverTheEvaluator() {
            TestBars b = TestBars.daily().flat(100).bar(100, 101, 99, 100).bar(100, 103, 99, 102).bar(102, 103, 101, 102)
                    .bar(103, 104, 102, 103).bar(103, 106, 102, 105);
            BarSeries bars = b.series();
            SignalColumns s = signals(6, new int[] {0, 3}, new int[] {2});
            List<String> seen = new ArrayList<>();
            BacktestResult r = Backtester.run(bars, SessionClock.of(bars), s, 0, 6, params(0, 100_000, 1.0, false),
                    d -> seen.add(describe(d)));
            assertThat(seen).isEqualTo(decisions(b, s, params(0, 100_000, 1.0, false)));
            assertThat(r.trades()).extracting(Trade::exitReason).containsExactly(ExitReason.EXIT_SIGNAL, ExitReason.END_OF_DATA);
        }
    }

    @Nested
    class Streaming {

        static final Pack PACK = PackLoader.load(TestData.pack("swingsigma"));
        static final BarSeries DAILY = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
                BarCsvReader.Options.defaults());

        static StrategyEvaluator evaluator(StrategyConfig config) {
            return StrategyEvaluator.streaming(config, DAILY.zone(), DAILY.timeframe(), false);
        }

        static Decision feed(StrategyEvaluator e, int t, boolean warmUp) {
            BarSeries b = DAILY;
            return warmUp ? e.warmUp(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t])
                    : e.onBar(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
        }

        @Test
        void warmUpRunsTheIndicatorsAndDecidesNothing() {
            StrategyConfig config = StrategyConfig.resolve(PACK, "momentum_swing", Map.of("threshold", 0.25));
            StrategyEvaluator e = evaluator(config);
            for (int t = 0; t < 500; t++) {
                Decision d = feed(e, t, true);
                assertThat(d.warmUp()).isTrue();
                assertThat(d.action()).isEqualTo(Decision.Action.WAIT);
                assertThat(d.entryDecided()).isFalse();
            }
            assertThat(e.signals().ready()).isTrue();
            assertThat(e.closedTrades()).isZero();
            int entries = 0;
            for (int t = 500; t < 700; t++) {
                entries += feed(e, t, false).entryDecided() ? 1 : 0;
            }
            assertThat(entries).as("entries once deciding, at threshold 0.25").isPositive();
            assertThatThrownBy(() -> feed(e, 700, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("warm-up bar after decisions began");
            assertThatThrownBy(() -> feed(e, 650, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not follow the last bar");
        }

        @Test
        void aTrainedModelGatesEntriesAndIsAskedOnlyWhereAnEntryCanBeTaken() {
            StrategyConfig config = StrategyConfig.resolve(PACK, "mean_reversion_swing", Map.of("threshold", 0.5,
                    "position_size_pct", 10));
            int rsi = PACK.symbols().slot("rsi");
            int atr = PACK.symbols().slot("atr");
            List<String> problems = new ArrayList<>();
            // a "model" of the features: keeps an entry when RSI is low, reads ATR (not a rule's name) and the calendar
            ConfidenceModel model = bar -> {
                ZonedDateTime at = Instant.ofEpochMilli(bar.time()).atZone(DAILY.zone());
                if (bar.dayOfWeek() != at.getDayOfWeek().getValue() || bar.hour() != at.getHour()
                        || Double.isNaN(bar.value(atr))) {
                    problems.add(at + ": day " + bar.dayOfWeek() + ", hour " + bar.hour() + ", atr " + bar.value(atr));
                }
                return bar.value(rsi) < 35 ? 1.0 : bar.entryScore() * 0.5;
            };
            SignalEngine engine = SignalEngine.compile(config, List.of("atr"));
            ExecutionParams p = ExecutionParams.of(config);
            StrategyEvaluator e = StrategyEvaluator.streaming(engine, p, model, DAILY.zone(), DAILY.timeframe(), false);
            BacktestRecorder streamed = new BacktestRecorder(p.initialCapital(), 0);
            int from = 300;
            int asked = 0;
            for (int t = 0; t < DAILY.size(); t++) {
                boolean flat = !e.position().isOpen() && !e.entryPending();
                Decision d = t < from ? feed(e, t, true) : t == DAILY.size() - 1
                        ? e.onLastBar(DAILY.time()[t], DAILY.open()[t], DAILY.high()[t], DAILY.low()[t], DAILY.close()[t],
                        DAILY.volume()[t]) : feed(e, t, false);
                streamed.record(d);
                if (!Double.isNaN(d.confidence())) {
                    asked++;
                    assertThat(e.signals().eligible()).as("asked at an eligible bar").isTrue();
                    assertThat(flat || d.exited()).as("asked while flat at the close").isTrue();
                }
            }
            assertThat(problems).isEmpty();
            assertThat(asked).isPositive();

            // the same model in batch: asked on eligible bars, same trades
            SessionClock clock = SessionClock.of(DAILY);
            double[][] columns = engine.plan().compute(DAILY);
            SignalColumns batch = SignalColumns.of(engine.run(DAILY, columns, clock), DAILY, columns, clock, model);
            BacktestResult plain = Backtester.run(DAILY, clock, batch, from, DAILY.size(), p);
            BacktestResult stream = streamed.result(e.exposureSessions());
            assertThat(problems).isEmpty();
            assertThat(stream.trades()).isEqualTo(plain.trades()).isNotEmpty();
            assertThat(stream.dailyEquity()).isEqualTo(plain.dailyEquity());
            assertThat(stream.metrics()).isEqualTo(plain.metrics());
            // and it changed the decisions: score alone (threshold 0.5) trades otherwise
            BacktestResult byScore = Backtester.run(DAILY, clock, SignalColumns.of(engine.run(DAILY, columns, clock)),
                    from, DAILY.size(), p);
            assertThat(byScore.trades()).isNotEqualTo(plain.trades());
        }

        @Test
        void stateSavedUnderAnotherConfigurationIsRefused() {
            StrategyEvaluator a = evaluator(StrategyConfig.resolve(PACK, "momentum_swing", Map.of("rsi_period", 14)));
            for (int t = 0; t < 100; t++) {
                feed(a, t, t < 50);
            }
            byte[] state = a.saveState();
            StrategyEvaluator b = evaluator(StrategyConfig.resolve(PACK, "momentum_swing", Map.of("rsi_period", 15)));
            assertThatThrownBy(() -> b.restoreState(state)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another configuration");
            StrategyEvaluator c = evaluator(StrategyConfig.resolve(PACK, "momentum_swing", Map.of("rsi_period", 14)));
            assertThatThrownBy(() -> c.restoreState(Arrays.copyOf(state, state.length - 3)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not fit");
            c.restoreState(state);
            assertThat(c.bars()).isEqualTo(100);
            assertThat(c.lastBarTime()).isEqualTo(DAILY.time()[99]);
            assertThat(state.length).as("a compact state").isLessThan(4_096);
        }
        /**
         * Evaluators of one strategy and signal configuration but other thresholds, stops and sizes, following one
         * stream that the caller advances, decide bar for bar as each does alone.
         */
        @Test
        void evaluatorsSharingOneSignalStreamDecideAsEachDoesAlone() {
            List<StrategyConfig> configs = List.of(
                    StrategyConfig.resolve(PACK, "momentum_swing", Map.of("threshold", 0.25)),
                    StrategyConfig.resolve(PACK, "momentum_swing", Map.of("threshold", 0.5, "stop_loss_pct", 2.0,
                            "take_profit_pct", 4.0)),
                    StrategyConfig.resolve(PACK, "momentum_swing", Map.of("threshold", 0.75, "time_stop_days", 3,
                            "position_size_pct", 20)));
            List<StrategyEvaluator> alone = configs.stream().map(Streaming::evaluator).toList();
            List<StrategyEvaluator> sharing = configs.stream().map(Streaming::evaluator).toList();
            int from = 400;
            for (int t = 0; t < from; t++) {
                for (int i = 0; i < configs.size(); i++) {
                    feed(alone.get(i), t, true);
                    feed(sharing.get(i), t, true);
                }
            }
            assertThat(sharing).extracting(StrategyEvaluator::signalIdentity).containsOnly(sharing.get(0).signalIdentity());
            SignalEngine.Stream shared = sharing.get(0).signals();
            sharing.forEach(e -> e.followSignals(shared));
            List<List<String>> seenAlone = new ArrayList<>();
            List<List<String>> seenSharing = new ArrayList<>();
            configs.forEach(c -> {
                seenAlone.add(new ArrayList<>());
                seenSharing.add(new ArrayList<>());
            });
            BarSeries b = DAILY;
            for (int t = from; t < b.size(); t++) {
                shared.update(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t]);
                for (int i = 0; i < configs.size(); i++) {
                    seenAlone.get(i).add(describe(feed(alone.get(i), t, false)));
                    seenSharing.get(i).add(describe(feed(sharing.get(i), t, false)));
                }
            }
            assertThat(seenSharing).isEqualTo(seenAlone);
            assertThat(alone).extracting(StrategyEvaluator::closedTrades).allMatch(n -> n > 10);
            // each saved state is the state of the evaluator alone
            for (int i = 0; i < configs.size(); i++) {
                assertThat(sharing.get(i).saveState()).isEqualTo(alone.get(i).saveState());
            }
            // a shared stream must be at the bar; one at another point in the bars is refused
            int last = b.size() - 1;
            assertThatThrownBy(() -> sharing.get(0).onBar(b.time()[last] + 86_400_000L, 1, 1, 1, 1, 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("advance them first");
            StrategyEvaluator behind = evaluator(configs.get(0));
            feed(behind, 0, true);
            assertThatThrownBy(() -> behind.followSignals(shared)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sharing.get(1).restoreState(alone.get(1).saveState()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void dayOfWeekOfAnEpochDay() {
        for (LocalDate d = LocalDate.of(2023, 12, 25); d.isBefore(LocalDate.of(2024, 1, 10)); d = d.plusDays(1)) {
            assertThat(BarFeatures.dayOfWeek(d.toEpochDay())).isEqualTo(d.getDayOfWeek().getValue());
        }
        assertThat(BarFeatures.dayOfWeek(LocalDate.of(1969, 12, 29).toEpochDay())).isEqualTo(DayOfWeek.MONDAY.getValue());
    }
}
