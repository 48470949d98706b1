package com.sigmatiq.bench;

import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.Decision;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of one model per bar: a {@link StrategyEvaluator} fed 5-minute bars one at a time (what the alert runtime
 * and the paper simulator do for every published model), beside the batch path over the same bars (columns, signals,
 * then {@link Backtester}) in the same run. Every model computes all of swingsigma's ten indicators and six features
 * (its plan also computes every name a trained model could read), then its strategy's entry and exit lines, its
 * position, cash and sizing. Every benchmark reports nanoseconds per bar (one JMH operation = one bar); with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes per bar. {@code streamingPerBarNoTrades} is the same model with
 * a confidence model that never enters: the allocation left is the session clock's, once per session.
 *
 * <p>Bars: a deterministic random walk on 5-minute bars from 04:00 to 20:00 New York time on weekdays (extended hours,
 * 192 bars a session), a threshold of 0.5 and a 10% position size so that positions open and close.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar EvaluatorBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class EvaluatorBenchmark {

    /** Bars fed per streaming operation call (the reported figure is per bar). */
    static final int CHUNK = 10_000;
    /** Bars of the batch run. */
    static final int BATCH_BARS = 200_000;

    @Param({"momentum_swing", "mean_reversion_swing", "breakout_swing"})
    String strategy;

    private BarSeries series;
    private BarSeries batchSeries;
    private SignalEngine engine;
    private ExecutionParams params;
    private StrategyEvaluator evaluator;
    private int next;
    private StrategyEvaluator flatEvaluator;
    private int flatNext;

    @Setup(Level.Trial)
    public void setUp() {
        series = sessionBars(1_000_000, 42);
        batchSeries = series.slice(0, BATCH_BARS);
        Pack pack = PackLoader.load(IndicatorBenchmark.packDir());
        StrategyConfig config = StrategyConfig.resolve(pack, strategy, Map.of("threshold", 0.5, "position_size_pct", 10));
        List<String> every = new ArrayList<>();
        for (int slot = Pack.BAR_FIELDS.size(); slot < pack.symbols().size(); slot++) {
            every.add(pack.symbols().name(slot));
        }
        engine = SignalEngine.compile(config, every);
        params = ExecutionParams.of(config);
        newEvaluator();
        newFlatEvaluator();
    }

    private void newEvaluator() {
        evaluator = StrategyEvaluator.streaming(engine, params, ConfidenceModel.ENTRY_SCORE, series.zone(), series.timeframe(), true);
        next = 0;
    }

    /** A model whose confidence never reaches the threshold: every signal computed, no trade (so no {@code Trade} object). */
    private void newFlatEvaluator() {
        flatEvaluator = StrategyEvaluator.streaming(engine, params, bar -> 0.0, series.zone(), series.timeframe(), true);
        flatNext = 0;
    }

    /** One model, one bar at a time: indicators, features, rules, clock, position and cash, per bar. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void streamingPerBar(Blackhole bh) {
        if (next + CHUNK > series.size()) {
            newEvaluator(); // once per million bars
        }
        bh.consume(feed(evaluator, next));
        next += CHUNK;
    }

    /** As {@link #streamingPerBar} with a confidence model that never enters: the per-bar cost and allocation without trades. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public void streamingPerBarNoTrades(Blackhole bh) {
        if (flatNext + CHUNK > series.size()) {
            newFlatEvaluator();
        }
        bh.consume(feed(flatEvaluator, flatNext));
        flatNext += CHUNK;
    }

    /** Feeds bars {@code [from, from + CHUNK)} to {@code e}, one at a time; the sum of the equities keeps the work alive. */
    private double feed(StrategyEvaluator e, int from) {
        long[] time = series.time();
        double[] o = series.open();
        double[] h = series.high();
        double[] l = series.low();
        double[] c = series.close();
        double[] v = series.volume();
        double sum = 0;
        int end = from + CHUNK;
        for (int t = from; t < end; t++) {
            Decision d = e.onBar(time[t], o[t], h[t], l[t], c[t], v[t]);
            sum += d.equity();
        }
        return sum;
    }

    /** The same model in batch: every column, the signals, and the backtest loop, divided by the bars. */
    @Benchmark
    @OperationsPerInvocation(BATCH_BARS)
    public void batchPerBar(Blackhole bh) {
        SessionClock clock = SessionClock.of(batchSeries, true);
        double[][] columns = engine.plan().compute(batchSeries);
        SignalColumns signals = SignalColumns.of(engine.run(batchSeries, columns, clock));
        bh.consume(Backtester.run(batchSeries, clock, signals, 0, BATCH_BARS, params).trades().size());
    }

    /** Random-walk 5-minute bars, 04:00–20:00 New York time on weekdays. */
    static BarSeries sessionBars(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        double price = 100;
        LocalDate day = LocalDate.of(2000, 1, 3);
        int minute = 4 * 60;
        for (int i = 0; i < n; i++) {
            time[i] = day.atStartOfDay(BarSeries.NEW_YORK).plusMinutes(minute).toInstant().toEpochMilli();
            double o = price;
            double cl = o * Math.exp(r.nextGaussian() * 0.002);
            open[i] = o;
            close[i] = cl;
            high[i] = Math.max(o, cl) * (1 + Math.abs(r.nextGaussian()) * 0.001);
            low[i] = Math.min(o, cl) * (1 - Math.abs(r.nextGaussian()) * 0.001);
            volume[i] = Math.floor(1_000 + r.nextDouble() * 100_000);
            price = cl;
            minute += 5;
            if (minute >= 20 * 60) {
                minute = 4 * 60;
                do {
                    day = day.plusDays(1);
                } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
            }
        }
        return new BarSeries("SYN", BarSeries.NEW_YORK, Timeframe.M5, time, open, high, low, close, volume);
    }
}
