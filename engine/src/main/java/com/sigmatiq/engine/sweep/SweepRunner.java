package com.sigmatiq.engine.sweep;

import com.sigmatiq.engine.backtest.Accounting;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.backtest.TradePath;
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
 * Runs every combination of a {@link SweepGrid} in parallel on all cores, fast, and with exactly the
 * results of one-at-a-time backtests.
 *
 * <p>What combinations share is computed once: indicator and feature columns per distinct set of
 * indicator parameters; signals per (indicator parameters, allowed hours); entry candidates per
 * (signals, threshold); one {@link TradePath} per group of combinations that differ only in sizing,
 * commissions or capital (the path jumps from one entry candidate to the next while flat and steps
 * the shared {@link PositionState} only while a position is open); then {@link Accounting} books each
 * combination in O(trades + sessions). Should an entry ever be unsizable (equity not positive) the
 * combination falls back to {@link Backtester}. Memory stays bounded: per combination only metrics
 * and verdict are kept; full results (trades, equity) for the top K, recomputed on the plain path.
 * After all trials each deflated Sharpe ratio is recomputed with N = the number of trials and V = the
 * population variance of their daily Sharpe ratios.
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
        GroupPlan plan = new GroupPlan(grid);
        AtomicLong nextGroup = new AtomicLong();
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
                    PositionState position = new PositionState(0, 0, 0, 0);
                    int[] digits = new int[plan.keyCount];
                    while (options.cancelled() == null || !options.cancelled().getAsBoolean()) {
                        long group = nextGroup.getAndIncrement();
                        if (group >= plan.groups) {
                            return;
                        }
                        plan.groupDigits(group, digits);
                        TradePath path = null;
                        SignalColumns signals = null;
                        for (int a = 0; a < plan.groupSize; a++) {
                            plan.accountingDigits(a, digits);
                            long id = grid.comboId(digits);
                            StrategyConfig config = grid.config(id);
                            ExecutionParams p = StrategyBacktest.executionParams(config);
                            if (path == null) {
                                signals = shared.signals(config);
                                TradePath.EntryCandidates entries = shared.candidates(config, signals, from, to);
                                position.configure(p.stopLoss(), p.takeProfit(), p.trailingStop(), p.timeStopDays());
                                path = TradePath.simulate(bars, clock, signals.exitSignal(), entries, from, to, position, p.slippageBps());
                            }
                            Accounting.Result acc = Accounting.account(path, bars, clock, from, to, p, false);
                            Metrics metrics;
                            double[] equity;
                            double maxFraction;
                            if (acc != null) {
                                metrics = acc.metrics();
                                equity = acc.dailyEquity();
                                maxFraction = acc.maxSizeFraction();
                            } else {
                                BacktestResult r = Backtester.run(bars, clock, signals, from, to, p);
                                metrics = r.metrics();
                                equity = r.dailyEquity();
                                maxFraction = r.maxSizeFraction();
                            }
                            double[] returns = MetricsCalculator.dailyReturns(p.initialCapital(), equity);
                            GateVerdict verdict = GateEvaluator.evaluate(gates, new GateInputs(metrics, p.slippageBps(),
                                    adv, spread, maxFraction, HistoricalVar.var95(returns), null));
                            int i = (int) id - 1;
                            results[i] = new ComboResult(id, metrics, verdict);
                            moments[i] = MetricsCalculator.ReturnMoments.of(returns);
                            if (topK > 0) {
                                double s = metrics.sharpeRatio();
                                if (top.size() < topK || worstFirst.compare(new Kept(id, s), top.peek()) > 0) {
                                    top.add(new Kept(id, s));
                                    if (top.size() > topK) {
                                        top.poll();
                                    }
                                }
                            }
                        }
                        long d = done.addAndGet(plan.groupSize);
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
            // the top few are run again on the plain path to keep their trades and equity curves
            long id = kept.get(i).comboId;
            StrategyBacktest.Report r = StrategyBacktest.run(grid.config(id), bars, from, to, request.qualityGates());
            BacktestResult res = r.result();
            Metrics m = results[(int) id - 1].metrics();
            top.add(new StrategyBacktest.Report(r.config(), new BacktestResult(res.trades(), res.sessionEpochDays(),
                    res.dailyEquity(), res.exposureSessions(), m), r.verdict(), r.from(), r.to()));
        }
        boolean cancelled = done.get() < total;
        return new Outcome(total, done.get(), cancelled, results, top, variance);
    }

    private record Kept(long comboId, double sharpe) {
    }

    /**
     * Splits the grid's keys into those that change the trade path (signals, threshold, exits, slippage) and
     * those that only change the accounting (sizing, commissions, capital). A group is one combination of
     * path keys; its combinations share one {@link TradePath}.
     */
    static final class GroupPlan {
        static final java.util.Set<String> ACCOUNTING_KEYS = java.util.Set.of("position_size_pct", "max_position_pct",
                "min_position_pct", "commission_per_order", "commission_per_share", "initial_capital");

        final int keyCount;
        final int[] pathKeys;
        final int[] accountingKeys;
        final int[] radix;
        final long groups;
        final int groupSize;

        GroupPlan(SweepGrid grid) {
            keyCount = grid.keys().size();
            radix = new int[keyCount];
            List<Integer> path = new ArrayList<>();
            List<Integer> acct = new ArrayList<>();
            long g = 1;
            long size = 1;
            for (int k = 0; k < keyCount; k++) {
                radix[k] = grid.radix(k);
                if (ACCOUNTING_KEYS.contains(grid.keys().get(k))) {
                    acct.add(k);
                    size *= radix[k];
                } else {
                    path.add(k);
                    g *= radix[k];
                }
            }
            pathKeys = path.stream().mapToInt(Integer::intValue).toArray();
            accountingKeys = acct.stream().mapToInt(Integer::intValue).toArray();
            groups = g;
            groupSize = (int) size;
        }

        void groupDigits(long group, int[] digits) {
            long rest = group;
            for (int j = pathKeys.length - 1; j >= 0; j--) {
                int k = pathKeys[j];
                digits[k] = (int) (rest % radix[k]);
                rest /= radix[k];
            }
        }

        void accountingDigits(int a, int[] digits) {
            int rest = a;
            for (int j = accountingKeys.length - 1; j >= 0; j--) {
                int k = accountingKeys[j];
                digits[k] = rest % radix[k];
                rest /= radix[k];
            }
        }
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

        private final ConcurrentHashMap<String, CompletableFuture<TradePath.EntryCandidates>> candidates = new ConcurrentHashMap<>();

        TradePath.EntryCandidates candidates(StrategyConfig config, SignalColumns signals, int from, int to) {
            String key = indicatorKey(config) + "|" + config.allowedHours().mask() + "|" + config.threshold();
            return once(candidates, key, () -> TradePath.EntryCandidates.of(signals, config.threshold(), from, to));
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
