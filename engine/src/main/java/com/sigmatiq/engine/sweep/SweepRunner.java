package com.sigmatiq.engine.sweep;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.gate.CorwinSchultz;
import com.sigmatiq.engine.gate.GateEvaluator;
import com.sigmatiq.engine.gate.GateInputs;
import com.sigmatiq.engine.gate.GateThresholds;
import com.sigmatiq.engine.gate.GateVerdict;
import com.sigmatiq.engine.gate.HistoricalVar;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs every combination of a {@link SweepGrid} in parallel on all cores.
 *
 * <p>What combinations share is computed once: indicator and feature columns per distinct set of
 * indicator parameters, signals per distinct (indicator parameters, allowed hours), and the bar-only
 * gate measures (average daily volume, spread estimate). Each combination then runs the same
 * {@link Backtester} as a single backtest, so a sweep never changes a result. Memory stays bounded:
 * per combination only its metrics and verdict are kept, full results (trades, equity) only for the
 * top K. After all trials, each deflated Sharpe ratio is recomputed with N = the number of trials and
 * V = the population variance of their daily Sharpe ratios.
 */
public final class SweepRunner {

    /**
     * @param qualityGates a sweep's {@code quality_gates} over the pack's (pack units), or empty
     */
    public record Request(SweepGrid grid, BarSeries bars, int from, int to, Map<String, Double> qualityGates) {
    }

    /**
     * @param topK      how many full results to keep, best first by Sharpe
     * @param threads   worker threads (0 = all cores)
     * @param progress  told (done, total) as chunks finish; may be null
     * @param cancelled polled between chunks; may be null
     */
    public record Options(int topK, int threads, ProgressListener progress, BooleanSupplier cancelled) {
        public static Options defaults() {
            return new Options(10, 0, null, null);
        }
    }

    /** Progress of a running sweep. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done, long total);
    }

    /** What is kept of every combination. */
    public record ComboResult(long comboId, Metrics metrics, GateVerdict verdict) {
    }

    /**
     * @param results by combo id − 1; null for combinations not run (cancelled)
     * @param top     full results of the best {@code topK} by Sharpe, best first, with deflated Sharpe ratios
     */
    public record Outcome(long total, long done, boolean cancelled, ComboResult[] results,
                          List<StrategyBacktest.Report> top, double trialSharpeVariance) {

        public long passed() {
            return Arrays.stream(results).filter(r -> r != null && r.verdict().pass()).count();
        }
    }

    private static final int CHUNK = 32;

    private SweepRunner() {
    }

    public static Outcome run(Request request, Options options) {
        SweepGrid grid = request.grid();
        if (grid.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a sweep of " + grid.size() + " combinations is too large to run in one process");
        }
        int total = (int) grid.size();
        BarSeries bars = request.bars();
        SessionClock clock = SessionClock.of(bars);
        int from = request.from();
        int to = request.to();
        GateThresholds gates = StrategyBacktest.gates(grid.base().pack().gates(), request.qualityGates());
        double[] volume = bars.volume();
        double totalVolume = 0;
        for (int i = from; i < to; i++) {
            totalVolume += volume[i];
        }
        double adv = totalVolume / (clock.session(to - 1) - clock.session(from) + 1);
        double spread = CorwinSchultz.estimate(bars, clock, from, to);

        Shared shared = new Shared(bars, clock);
        ComboResult[] results = new ComboResult[total];
        MetricsCalculator.ReturnMoments[] moments = new MetricsCalculator.ReturnMoments[total];
        AtomicLong next = new AtomicLong(1);
        AtomicLong done = new AtomicLong();
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        int topK = Math.max(0, options.topK());
        Comparator<Kept> worstFirst = Comparator.comparingDouble((Kept k) -> k.sharpe).thenComparingLong(k -> -k.comboId);
        List<PriorityQueue<Kept>> tops = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                PriorityQueue<Kept> top = new PriorityQueue<>(worstFirst);
                tops.add(top);
                futures.add(pool.submit(() -> {
                    while (options.cancelled() == null || !options.cancelled().getAsBoolean()) {
                        long start = next.getAndAdd(CHUNK);
                        if (start > total) {
                            return;
                        }
                        long end = Math.min(total, start + CHUNK - 1);
                        for (long id = start; id <= end; id++) {
                            StrategyConfig config = grid.config(id);
                            ExecutionParams p = StrategyBacktest.executionParams(config);
                            BacktestResult r = Backtester.run(bars, clock, shared.signals(config), from, to, p);
                            double[] returns = MetricsCalculator.dailyReturns(p.initialCapital(), r.dailyEquity());
                            GateVerdict verdict = GateEvaluator.evaluate(gates, new GateInputs(r.metrics(), p.slippageBps(),
                                    adv, spread, r.maxSizeFraction(), HistoricalVar.var95(returns), null));
                            int i = (int) id - 1;
                            results[i] = new ComboResult(id, r.metrics(), verdict);
                            moments[i] = MetricsCalculator.ReturnMoments.of(returns);
                            if (topK > 0) {
                                double s = r.metrics().sharpeRatio();
                                if (top.size() < topK || s > top.peek().sharpe) {
                                    top.add(new Kept(id, s, new StrategyBacktest.Report(config, r, verdict, from, to)));
                                    if (top.size() > topK) {
                                        top.poll();
                                    }
                                }
                            }
                        }
                        long d = done.addAndGet(end - start + 1);
                        if (options.progress() != null) {
                            options.progress().progress(d, total);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }

        // deflate every Sharpe ratio by the number of trials and the spread of their Sharpe ratios
        int n = 0;
        double sum = 0;
        double sumSq = 0;
        for (MetricsCalculator.ReturnMoments m : moments) {
            if (m != null) {
                n++;
                sum += m.dailySharpe();
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        for (MetricsCalculator.ReturnMoments m : moments) {
            if (m != null) {
                double d = m.dailySharpe() - mean;
                sumSq += d * d;
            }
        }
        double variance = n == 0 ? 0 : sumSq / n;
        int trials = Math.max(1, n);
        for (int i = 0; i < total; i++) {
            if (results[i] != null) {
                Double dsr = MetricsCalculator.deflatedSharpe(moments[i], trials, variance);
                results[i] = new ComboResult(results[i].comboId(), results[i].metrics().withDeflatedSharpeRatio(dsr), results[i].verdict());
            }
        }
        List<Kept> kept = new ArrayList<>();
        tops.forEach(kept::addAll);
        kept.sort(worstFirst.reversed());
        List<StrategyBacktest.Report> top = new ArrayList<>();
        for (int i = 0; i < Math.min(topK, kept.size()); i++) {
            StrategyBacktest.Report r = kept.get(i).report;
            BacktestResult res = r.result();
            Metrics m = results[(int) kept.get(i).comboId - 1].metrics();
            top.add(new StrategyBacktest.Report(r.config(), new BacktestResult(res.trades(), res.sessionEpochDays(),
                    res.dailyEquity(), res.exposureSessions(), m), r.verdict(), r.from(), r.to()));
        }
        boolean cancelled = done.get() < total;
        return new Outcome(total, done.get(), cancelled, results, top, variance);
    }

    private record Kept(long comboId, double sharpe, StrategyBacktest.Report report) {
    }

    /** Columns and signals shared between combinations, each computed once by whichever worker asks first. */
    private static final class Shared {
        private final BarSeries bars;
        private final SessionClock clock;
        private final ConcurrentHashMap<String, CompletableFuture<double[][]>> columns = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, CompletableFuture<SignalColumns>> signals = new ConcurrentHashMap<>();

        Shared(BarSeries bars, SessionClock clock) {
            this.bars = bars;
            this.clock = clock;
        }

        SignalColumns signals(StrategyConfig config) {
            String indicators = indicatorKey(config);
            String key = indicators + "|" + config.allowedHours().mask();
            return once(signals, key, () -> {
                SignalEngine engine = SignalEngine.compile(config);
                double[][] cols = once(columns, indicators, () -> engine.plan().compute(bars));
                return engine.run(bars, cols, clock).toColumns();
            });
        }

        private static String indicatorKey(StrategyConfig c) {
            StringBuilder sb = new StringBuilder(c.strategyId());
            c.indicatorParams().forEach((id, p) -> sb.append('|').append(id).append(Arrays.toString(p)));
            return sb.toString();
        }

        private static <T> T once(ConcurrentHashMap<String, CompletableFuture<T>> cache, String key, Supplier<T> compute) {
            CompletableFuture<T> mine = new CompletableFuture<>();
            CompletableFuture<T> existing = cache.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    mine.complete(compute.get());
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                    throw e;
                }
                return mine.join();
            }
            return existing.join();
        }
    }
}
