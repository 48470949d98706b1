package com.sigmatiq.bench;

import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link EvaluatorBenchmark}'s two measurements (one model per bar, streaming and batch, every swingsigma indicator
 * and feature) as the best of several runs in wall time and in this thread's CPU time. On a machine shared with other
 * work JMH's wall-clock averages include the time the thread waited for a core; its CPU time does not.
 *
 * <pre>
 * ./mvnw -q -B -ntp -pl bench -am package -DskipTests
 * java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar com.sigmatiq.bench.EvaluatorHarness [bars=500000] [runs=10]
 * </pre>
 */
public final class EvaluatorHarness {

    private EvaluatorHarness() {
    }

    public static void main(String[] args) {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BarSeries series = EvaluatorBenchmark.sessionBars(bars, 42);
        Pack pack = PackLoader.load(IndicatorBenchmark.packDir());
        List<String> every = new ArrayList<>();
        for (int slot = Pack.BAR_FIELDS.size(); slot < pack.symbols().size(); slot++) {
            every.add(pack.symbols().name(slot));
        }
        System.out.printf("%d 5-minute bars, best of %d runs, ns per bar per model (%d cores, %s)%n", bars, runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        for (String strategy : pack.strategyIds()) {
            StrategyConfig config = StrategyConfig.resolve(pack, strategy, Map.of("threshold", 0.5, "position_size_pct", 10));
            SignalEngine engine = SignalEngine.compile(config, every);
            ExecutionParams p = ExecutionParams.of(config);
            double[] streaming = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[] batch = {Double.MAX_VALUE, Double.MAX_VALUE};
            double sink = 0;
            for (int r = 0; r < runs; r++) {
                StrategyEvaluator e = StrategyEvaluator.streaming(engine, p, ConfidenceModel.ENTRY_SCORE, series.zone(),
                        series.timeframe(), true);
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int t = 0; t < bars; t++) {
                    sink += e.onBar(series.time()[t], series.open()[t], series.high()[t], series.low()[t],
                            series.close()[t], series.volume()[t]).equity();
                }
                keepBest(streaming, System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu, bars);

                cpu = threads.getCurrentThreadCpuTime();
                wall = System.nanoTime();
                SessionClock clock = SessionClock.of(series, true);
                double[][] columns = engine.plan().compute(series);
                SignalColumns signals = SignalColumns.of(engine.run(series, columns, clock));
                sink += Backtester.run(series, clock, signals, 0, bars, p).trades().size();
                keepBest(batch, System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu, bars);
            }
            System.out.printf("%-22s streaming %5.0f wall %5.0f CPU   batch %5.0f wall %5.0f CPU   (%s)%n", strategy,
                    streaming[0], streaming[1], batch[0], batch[1], sink != 0 ? "ok" : "-");
        }
    }

    private static void keepBest(double[] best, long wallNanos, long cpuNanos, int bars) {
        best[0] = Math.min(best[0], wallNanos / (double) bars);
        best[1] = Math.min(best[1], cpuNanos / (double) bars);
    }
}
