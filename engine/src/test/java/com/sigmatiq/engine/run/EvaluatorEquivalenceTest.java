package com.sigmatiq.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.backtest.Accounting;
import com.sigmatiq.engine.backtest.BacktestRecorder;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.Decision;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.backtest.Sizing;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.backtest.TradePath;
import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarResampler;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.signal.Signals;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.engine.sweep.SweepRunner;
import com.sigmatiq.engine.sweep.SweepSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine path takes the same decisions (issue 10, "Done when"): for 200 random configurations of swingsigma
 * (indicator parameters, threshold, hours, stop, target, trailing and time stop, fixed or Kelly sizing, fractional or
 * whole shares, costs, capital, a random range after a random window of history), on SPY daily 1999–2020 and on SPY
 * 1-minute bars of January and March 2011 resampled to 5 minutes with extended hours kept (entries in regular hours
 * only, exits on every bar):
 * <ol>
 *   <li>the plain backtest ({@link StrategyBacktest#run}, i.e. {@link Backtester} over the column-fed
 *       {@link StrategyEvaluator}),</li>
 *   <li>the sweep's fast path ({@link TradePath} + {@link Accounting}, and {@link SweepSession} for the metrics and
 *       gate verdict),</li>
 *   <li>the streaming evaluator warmed up on the history before the range and then fed the range bar by bar — its
 *       clock, every indicator output and feature, the entry score, exit signal, readiness and hour compared with the
 *       batch columns bit for bit on every bar, warm-up included, and its decision with the batch decision on every
 *       bar of the range,</li>
 *   <li>and that streaming run saved and restored into a fresh evaluator at a dozen random bars (warm-up, flat, in a
 *       position, with an entry or a rule exit pending), each restored state saving to the same bytes,</li>
 * </ol>
 * give identical trades, daily equity, exposure and metrics. A change to any one path breaks the equalities; the
 * coverage check at the end makes sure the configurations really trade and reach every exit reason.
 */
class EvaluatorEquivalenceTest {

    static final Pack PACK = PackLoader.load(TestData.pack("swingsigma"));
    static final BarSeries DAILY = BarCsvReader.read(TestData.data("market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
            BarCsvReader.Options.defaults());
    static final BarSeries FIVE_MINUTES = BarResampler.resample(concat(
            BarCsvReader.read(TestData.data("market/SPY_1min_2011-01-03_2011-01-31_utc_barend.csv"),
                    BarCsvReader.Options.defaults().withBarEnd(true)),
            BarCsvReader.read(TestData.data("market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
                    BarCsvReader.Options.defaults().withBarEnd(true))), Timeframe.M5, true).bars();
    /** Every indicator output and feature of the pack: the streaming plan computes them all, as a trained model's would. */
    static final List<String> ALL_NAMES = allNames(PACK);
    static final String[] STRATEGIES = {"momentum_swing", "mean_reversion_swing", "breakout_swing"};

    static final int CONFIGURATIONS_PER_SERIES = 100;

    // what the configurations covered, checked once all have run
    static int runs;
    static int trading;
    static int trades;
    static int restores;
    static int fastPathFallbacks;
    static int wholeShareTrades;
    static int kellyPastTenTrades;
    static final Set<ExitReason> reasons = EnumSet.noneOf(ExitReason.class);

    static IntStream seeds() {
        return IntStream.range(0, CONFIGURATIONS_PER_SERIES);
    }

    @ParameterizedTest(name = "SPY daily, configuration {0}")
    @MethodSource("seeds")
    void spyDaily(int seed) {
        check(DAILY, new SplittableRandom(1_000 + seed), true);
    }

    @ParameterizedTest(name = "SPY 5m (extended hours), configuration {0}")
    @MethodSource("seeds")
    void spyFiveMinutes(int seed) {
        check(FIVE_MINUTES, new SplittableRandom(2_000 + seed), false);
    }

    @AfterAll
    static void theConfigurationsCoveredEveryPath() {
        if (runs < 2 * CONFIGURATIONS_PER_SERIES) {
            return; // a single configuration was run by hand
        }
        assertThat(trading).as("configurations that trade").isGreaterThan(runs * 3 / 4);
        assertThat(trades).as("trades compared").isGreaterThan(5_000);
        assertThat(reasons).as("exit reasons reached").isEqualTo(EnumSet.allOf(ExitReason.class));
        assertThat(restores).as("save/restore cut points").isGreaterThan(2_000);
        assertThat(wholeShareTrades).as("whole-share trades").isPositive();
        assertThat(kellyPastTenTrades).as("Kelly configurations past ten trades").isPositive();
        assertThat(fastPathFallbacks).as("fast-path fallbacks (an entry it cannot size)").isLessThan(runs / 10);
    }

    static void check(BarSeries series, SplittableRandom r, boolean daily) {
        String strategy = STRATEGIES[r.nextInt(STRATEGIES.length)];
        Map<String, Object> overrides = randomOverrides(r, daily);
        StrategyConfig config = StrategyConfig.resolve(PACK, strategy, overrides);
        boolean whole = r.nextInt(5) == 0;
        ExecutionParams p = ExecutionParams.of(config).withWholeShares(whole);

        // a random range after a random window of history (sometimes the whole series, history from its first bar)
        int n = series.size();
        int start;
        int from;
        int to;
        if (r.nextInt(10) == 0) {
            start = 0;
            from = r.nextInt(0, 200);
            to = n;
        } else {
            int len = r.nextInt(100, daily ? 1_500 : 2_500);
            from = r.nextInt(0, n - len);
            start = from - r.nextInt(0, Math.min(from, daily ? 400 : 900) + 1);
            to = from + len;
        }
        BarSeries bars = series.slice(start, to);
        from -= start;
        to -= start;
        String what = strategy + " " + overrides + (whole ? " whole shares" : "") + " on bars [" + from + ", " + to
                + ") after " + from + " bars of history";

        SessionClock clock = SessionClock.of(bars);
        SignalEngine engine = SignalEngine.compile(config, ALL_NAMES);
        double[][] columns = engine.plan().compute(bars);
        Signals signals = engine.run(bars, columns, clock);
        SignalColumns sig = SignalColumns.of(signals);

        // 1. the plain path, every decision kept
        Decisions batchDecisions = new Decisions(from, to);
        BacktestResult plain = Backtester.run(bars, clock, sig, from, to, p, batchDecisions::record);
        if (!whole) {
            StrategyBacktest.Report report = StrategyBacktest.run(config, bars, from, to, Map.of());
            assertSame(report.result(), plain, what + ": StrategyBacktest against Backtester");
            // 2b. the sweep's session: one combination, metrics and verdict
            SweepSession session = new SweepSession(new SweepRunner.Request(grid(strategy, overrides), bars, from, to, Map.of()));
            SweepSession.ComboOutcome[] outcome = session.runUnit(0, new PositionState(0, 0, 0, 0));
            assertThat(outcome).hasSize(1);
            assertThat(outcome[0].metrics()).as(what + ": sweep session metrics").isEqualTo(plain.metrics());
            assertThat(outcome[0].verdict()).as(what + ": sweep session verdict").isEqualTo(report.verdict());
        }

        // 2. the sweep's fast path: trade path, then accounting
        PositionState position = PositionState.of(p);
        TradePath path = TradePath.simulate(bars, clock, sig.exitSignal(),
                TradePath.EntryCandidates.of(sig, p.threshold(), from, to), from, to, position, p.slippageBps());
        Accounting.Result fast = Accounting.account(path, bars, clock, from, to, p, true);
        if (fast == null) {
            fastPathFallbacks++;
        } else {
            assertThat(fast.trades()).as(what + ": fast path trades").isEqualTo(plain.trades());
            assertThat(fast.dailyEquity()).as(what + ": fast path daily equity").isEqualTo(plain.dailyEquity());
            assertThat(fast.exposureSessions()).as(what + ": fast path exposure").isEqualTo(plain.exposureSessions());
            assertThat(fast.metrics()).as(what + ": fast path metrics").isEqualTo(plain.metrics());
            assertThat(fast.maxSizeFraction()).as(what + ": fast path largest size").isEqualTo(plain.maxSizeFraction());
        }

        // 3. and 4. streaming, warmed up on the history, saved and restored at random bars
        boolean[] cut = new boolean[to];
        for (int k = 0; k < 12; k++) {
            cut[r.nextInt(to)] = true;
        }
        StrategyEvaluator evaluator = streaming(engine, p, bars, clock);
        BacktestRecorder recorder = new BacktestRecorder(p.initialCapital(), 0);
        int[] slots = computedSlots(engine);
        for (int t = 0; t < to; t++) {
            long time = bars.time()[t];
            double o = bars.open()[t];
            double h = bars.high()[t];
            double l = bars.low()[t];
            double c = bars.close()[t];
            double v = bars.volume()[t];
            Decision d = t < from ? evaluator.warmUp(time, o, h, l, c, v)
                    : t == to - 1 ? evaluator.onLastBar(time, o, h, l, c, v) : evaluator.onBar(time, o, h, l, c, v);
            compareSignals(evaluator.signals(), t, slots, columns, signals, clock, what);
            if (t >= from) {
                batchDecisions.compare(t, d, signals.score()[t], what);
            } else if (!d.warmUp() || d.entryScore() != signals.score()[t]) {
                throw new AssertionError(what + ": warm-up bar " + t + " gave " + d);
            }
            recorder.record(d);
            if (cut[t]) {
                byte[] state = evaluator.saveState();
                StrategyEvaluator restored = streaming(engine, p, bars, clock);
                restored.restoreState(state);
                assertThat(restored.saveState()).as(what + ": state restored at bar " + t + " saves the same").isEqualTo(state);
                evaluator = restored;
                restores++;
            }
        }
        BacktestResult streamed = recorder.result(evaluator.exposureSessions());
        assertSame(streamed, plain, what + ": streaming against batch");

        runs++;
        trades += plain.trades().size();
        trading += plain.trades().isEmpty() ? 0 : 1;
        for (Trade t : plain.trades()) {
            reasons.add(t.exitReason());
        }
        if (whole) {
            wholeShareTrades += plain.trades().size();
        }
        if (p.sizing() instanceof Sizing.Kelly && plain.trades().size() > Sizing.Kelly.MIN_CLOSED_TRADES) {
            kellyPastTenTrades++;
        }
    }

    static StrategyEvaluator streaming(SignalEngine engine, ExecutionParams p, BarSeries bars, SessionClock clock) {
        return StrategyEvaluator.streaming(engine, p, ConfidenceModel.ENTRY_SCORE, bars.zone(), bars.timeframe(),
                clock.extendedHours());
    }

    static void assertSame(BacktestResult actual, BacktestResult expected, String what) {
        assertThat(actual.trades()).as(what + ": trades").isEqualTo(expected.trades());
        assertThat(actual.sessionEpochDays()).as(what + ": sessions").isEqualTo(expected.sessionEpochDays());
        assertThat(actual.dailyEquity()).as(what + ": daily equity").isEqualTo(expected.dailyEquity());
        assertThat(actual.exposureSessions()).as(what + ": exposure").isEqualTo(expected.exposureSessions());
        assertThat(actual.metrics()).as(what + ": metrics").isEqualTo(expected.metrics());
    }

    /** The streaming signals of bar t against the batch columns, bit for bit. */
    static void compareSignals(SignalEngine.Stream s, int t, int[] slots, double[][] columns, Signals batch,
                               SessionClock clock, String what) {
        double[] values = s.values();
        for (int slot : slots) {
            if (Double.doubleToLongBits(values[slot]) != Double.doubleToLongBits(columns[slot][t])) {
                throw new AssertionError(what + ": " + PACK.symbols().name(slot) + " at bar " + t + " streams "
                        + values[slot] + ", batch " + columns[slot][t]);
            }
        }
        if (Double.doubleToLongBits(s.score()) != Double.doubleToLongBits(batch.score()[t]) || s.exit() != batch.exit()[t]
                || s.ready() != batch.ready()[t] || s.hourAllowed() != batch.hourAllowed()[t]) {
            throw new AssertionError(what + ": signals at bar " + t + " differ: score " + s.score() + "/" + batch.score()[t]
                    + ", exit " + s.exit() + "/" + batch.exit()[t] + ", ready " + s.ready() + "/" + batch.ready()[t]
                    + ", hour " + s.hourAllowed() + "/" + batch.hourAllowed()[t]);
        }
        SessionClock.Cursor c = s.clock();
        if (c.session() != clock.session(t) || c.closesSession() != clock.isSessionLastBar(t)
                || c.sessionEpochDay() != clock.sessionEpochDay(clock.session(t))) {
            throw new AssertionError(what + ": clock at bar " + t + " differs");
        }
    }

    static int[] computedSlots(SignalEngine engine) {
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < PACK.symbols().size(); slot++) {
            if (engine.plan().computes(slot) || slot < Pack.BAR_FIELDS.size()) {
                slots.add(slot);
            }
        }
        return slots.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Every decision of the batch run, as primitives, to compare with the streaming ones bar for bar. */
    static final class Decisions {
        final int from;
        final int[] action;
        final int[] exitCode;
        final boolean[] flags; // entryFilled, exitDecided, entryDecided, inPosition: 4 per bar
        final double[] numbers; // 11 per bar

        Decisions(int from, int to) {
            this.from = from;
            int n = to - from;
            action = new int[n];
            exitCode = new int[n];
            flags = new boolean[4 * n];
            numbers = new double[11 * n];
        }

        void record(Decision d) {
            int i = d.bar() - from;
            action[i] = d.action().ordinal();
            exitCode[i] = d.exitCode();
            flags[4 * i] = d.entryFilled();
            flags[4 * i + 1] = d.exitDecided();
            flags[4 * i + 2] = d.entryDecided();
            flags[4 * i + 3] = d.inPosition();
            double[] x = numbers(d);
            System.arraycopy(x, 0, numbers, 11 * i, 11);
        }

        static double[] numbers(Decision d) {
            return new double[] {d.confidence(), d.entryFillPrice(), d.entryShares(), d.entryCommission(), d.exitLevel(),
                    d.exitFillPrice(), d.exitShares(), d.orderAmount(), d.orderShares(), d.cash(), d.equity()};
        }

        void compare(int t, Decision d, double score, String what) {
            int i = t - from;
            boolean same = d.bar() == t && !d.warmUp() && action[i] == d.action().ordinal() && exitCode[i] == d.exitCode()
                    && flags[4 * i] == d.entryFilled() && flags[4 * i + 1] == d.exitDecided()
                    && flags[4 * i + 2] == d.entryDecided() && flags[4 * i + 3] == d.inPosition()
                    && Double.doubleToLongBits(d.entryScore()) == Double.doubleToLongBits(score);
            double[] x = numbers(d);
            for (int k = 0; k < 11 && same; k++) {
                same = Double.doubleToLongBits(x[k]) == Double.doubleToLongBits(numbers[11 * i + k]);
            }
            if (!same) {
                throw new AssertionError(what + ": decision at bar " + t + " streams " + d + " " + Arrays.toString(x)
                        + ", batch action " + Decision.Action.values()[action[i]] + " "
                        + Arrays.toString(Arrays.copyOfRange(numbers, 11 * i, 11 * i + 11)));
            }
        }
    }

    static SweepGrid grid(String strategy, Map<String, Object> overrides) {
        Map<String, List<?>> parameters = new LinkedHashMap<>();
        overrides.forEach((k, v) -> parameters.put(k, java.util.Collections.singletonList(v)));
        return SweepGrid.of(StrategyConfig.defaults(PACK, strategy), parameters);
    }

    static Map<String, Object> randomOverrides(SplittableRandom r, boolean daily) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (r.nextBoolean()) {
            o.put("rsi_period", r.nextInt(5, 31));
        }
        if (r.nextBoolean()) {
            int fast = r.nextInt(4, 17);
            o.put("macd_fast_period", fast);
            o.put("macd_slow_period", fast + r.nextInt(4, 25));
            o.put("macd_signal_period", r.nextInt(2, 13));
        }
        if (r.nextBoolean()) {
            o.put("stochastic_k_period", r.nextInt(5, 26));
            o.put("stochastic_d_period", r.nextInt(1, 6));
            o.put("stochastic_smooth_k", r.nextInt(1, 6));
        }
        if (r.nextBoolean()) {
            o.put("ema_20_period", r.nextInt(5, 41));
            o.put("ema_50_period", r.nextInt(20, 91));
        }
        if (r.nextBoolean()) {
            o.put("adx_period", r.nextInt(5, 26));
        }
        if (r.nextBoolean()) {
            o.put("bollinger_bands_period", r.nextInt(8, 36));
            o.put("bollinger_bands_std_dev", 1 + r.nextInt(0, 21) / 10.0);
        }
        if (r.nextBoolean()) {
            o.put("volume_ma_period", r.nextInt(5, 41));
        }
        o.put("threshold", r.nextInt(4) == 0 ? r.nextDouble() : new double[] {0.25, 0.5, 0.75, 1.0}[r.nextInt(4)]);
        o.put("allowed_hours", switch (r.nextInt(4)) {
            case 0 -> "all_day";
            case 1 -> "morning_only";
            case 2 -> "afternoon_only";
            default -> randomHours(r);
        });
        double scale = daily ? 1 : 0.12;
        o.put("stop_loss_pct", r.nextInt(3) == 0 ? 0 : round(r.nextDouble(0.3, 10) * scale));
        o.put("take_profit_pct", r.nextInt(3) == 0 ? 0 : round(r.nextDouble(0.5, 20) * scale));
        o.put("trailing_stop_pct", r.nextInt(3) == 0 ? 0 : round(r.nextDouble(0.2, 8) * scale));
        o.put("time_stop_days", r.nextInt(3) == 0 ? 0 : r.nextInt(1, daily ? 15 : 4));
        if (r.nextBoolean()) {
            o.put("position_size_pct", round(r.nextDouble(0.5, 100)));
        } else {
            double max = round(r.nextDouble(1, 60));
            o.put("max_position_pct", max);
            o.put("min_position_pct", round(r.nextDouble(0, max)));
        }
        o.put("slippage_bps", round(r.nextDouble(0, 20)));
        o.put("commission_per_order", r.nextBoolean() ? 0 : round(r.nextDouble(0, 5)));
        o.put("commission_per_share", r.nextBoolean() ? 0 : r.nextInt(0, 100) / 10_000.0);
        o.put("initial_capital", (double) r.nextInt(20, 2_001) * 1_000);
        return o;
    }

    static List<Integer> randomHours(SplittableRandom r) {
        List<Integer> hours = new ArrayList<>();
        for (int h = 9; h <= 16; h++) {
            if (r.nextInt(3) == 0) {
                hours.add(h);
            }
        }
        if (hours.isEmpty()) {
            hours.add(9 + r.nextInt(7));
        }
        return hours;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static List<String> allNames(Pack pack) {
        List<String> names = new ArrayList<>();
        for (int slot = Pack.BAR_FIELDS.size(); slot < pack.symbols().size(); slot++) {
            names.add(pack.symbols().name(slot));
        }
        return names;
    }

    static BarSeries concat(BarSeries a, BarSeries b) {
        int n = a.size() + b.size();
        long[] time = Arrays.copyOf(a.time(), n);
        double[] open = Arrays.copyOf(a.open(), n);
        double[] high = Arrays.copyOf(a.high(), n);
        double[] low = Arrays.copyOf(a.low(), n);
        double[] close = Arrays.copyOf(a.close(), n);
        double[] volume = Arrays.copyOf(a.volume(), n);
        System.arraycopy(b.time(), 0, time, a.size(), b.size());
        System.arraycopy(b.open(), 0, open, a.size(), b.size());
        System.arraycopy(b.high(), 0, high, a.size(), b.size());
        System.arraycopy(b.low(), 0, low, a.size(), b.size());
        System.arraycopy(b.close(), 0, close, a.size(), b.size());
        System.arraycopy(b.volume(), 0, volume, a.size(), b.size());
        return new BarSeries(a.ticker(), a.zone(), a.timeframe(), time, open, high, low, close, volume);
    }
}
