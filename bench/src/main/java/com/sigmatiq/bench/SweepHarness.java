package com.sigmatiq.bench;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.engine.sweep.SweepRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's custom sweep of momentum_swing over the real SPY 1-minute bars of March 2011, measured beside
 * ta4j 0.17's {@code BacktestExecutor} running the same strategy on a subset of the same grid in the same
 * run, and checked against plain one-at-a-time backtests so that speed never changes a result.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -Xmx1g -cp bench/target/benchmarks.jar com.sigmatiq.bench.SweepHarness [ta4jEvery=10] [runs=5] [verify=200]
 * </pre>
 */
public final class SweepHarness {

    private SweepHarness() {
    }

    public static void main(String[] args) throws Exception {
        int ta4jEvery = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int verify = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path root = IndicatorBenchmark.packDir().getParent().getParent();
        BarSeries bars = BarCsvReader.read(root.resolve("data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"),
                BarCsvReader.Options.defaults().withBarEnd(true));
        Pack pack = PackLoader.load(root.resolve("packs/swingsigma"));
        StrategyConfig base = StrategyConfig.defaults(pack, "momentum_swing");
        SweepGrid grid = SweepGrid.of(base, customGrid());
        long combos = grid.size();
        int n = bars.size();
        System.out.printf("custom sweep: %d combinations x %d bars = %.0f combination-bars (%d cores, %s)%n",
                combos, n, (double) combos * n, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        // warm up, then measure
        SweepRunner.Request request = new SweepRunner.Request(grid, bars, 0, n, Map.of());
        SweepRunner.Options options = new SweepRunner.Options(10, 0, null, null);
        SweepRunner.run(request, options);
        SweepRunner.run(request, options);
        resetPeaks();
        double[] seconds = new double[runs];
        SweepRunner.Outcome outcome = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            outcome = SweepRunner.run(request, options);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        long peakHeap = peakHeapBytes();
        Arrays.sort(seconds);
        double median = seconds[runs / 2];
        double ours = combos * (double) n / median;
        System.out.printf("sigmatiq: median %.3f s (best %.3f s) over %d runs -> %.1f M combination-bars/s; peak heap %.0f MiB%n",
                median, seconds[0], runs, ours / 1e6, peakHeap / 1048576.0);

        // the peer: ta4j on every k-th combination of the same grid
        List<Ta4jPeerSweep.Combo> all = Ta4jPeerSweep.customGrid();
        List<Ta4jPeerSweep.Combo> subset = new ArrayList<>();
        for (int i = 0; i < all.size(); i += ta4jEvery) {
            subset.add(all.get(i));
        }
        Ta4jPeerSweep.run(bars.time(), bars.open(), bars.high(), bars.low(), bars.close(), bars.volume(),
                subset.subList(0, Math.min(100, subset.size()))); // warm-up
        Ta4jPeerSweep.Result peer = Ta4jPeerSweep.run(bars.time(), bars.open(), bars.high(), bars.low(), bars.close(),
                bars.volume(), subset);
        System.out.printf("ta4j 0.17 BacktestExecutor: %d combinations in %.2f s -> %.1f M combination-bars/s%n",
                peer.combos(), peer.seconds(), peer.comboBarsPerSecond() / 1e6);
        System.out.printf("ratio sigmatiq / ta4j: %.0f x%n", ours / peer.comboBarsPerSecond());

        // speed never changes a result: a spread sample against plain one-at-a-time backtests
        int same = 0;
        int checked = 0;
        long step = Math.max(1, combos / Math.max(1, verify));
        for (long id = 1; id <= combos && checked < verify; id += step) {
            StrategyBacktest.Report plain = StrategyBacktest.run(grid.config(id), bars, 0, n, Map.of());
            SweepRunner.ComboResult fast = outcome.results()[(int) id - 1];
            checked++;
            if (fast.metrics().withDeflatedSharpeRatio(null).equals(plain.result().metrics().withDeflatedSharpeRatio(null))
                    && fast.verdict().equals(plain.verdict())) {
                same++;
            } else {
                System.out.println("MISMATCH combo " + id + ": " + fast.metrics() + " vs " + plain.result().metrics());
            }
        }
        System.out.printf("fast path = plain backtest on %d of %d sampled combinations%n", same, checked);
        if (same != checked) {
            System.exit(1);
        }
    }

    static Map<String, List<?>> customGrid() {
        Map<String, List<?>> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75));
        p.put("allowed_hours", List.of(List.of(9, 10), List.of(9, 10, 11), List.of(13, 14, 15), List.of(14, 15, 16), "all_day"));
        p.put("position_size_pct", List.of(1, 2, 3, 4, 5));
        p.put("rsi_period", List.of(14, 21, 28));
        p.put("stop_loss_pct", List.of(4, 6, 8, 10));
        p.put("take_profit_pct", List.of(12, 16, 20));
        p.put("trailing_stop_pct", List.of(3, 5, 7));
        return p;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
