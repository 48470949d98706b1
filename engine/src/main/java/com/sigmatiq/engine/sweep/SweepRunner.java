package com.sigmatiq.engine.sweep;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.gate.GateVerdict;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import com.sigmatiq.engine.run.StrategyBacktest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs every combination of a {@link SweepGrid} in this process, in parallel on all cores, fast, and with
 * exactly the results of one-at-a-time backtests.
 *
 * <p>The work is a {@link SweepSession}'s units: per unit one {@link com.sigmatiq.engine.backtest.TradePath}
 * (jumping from one entry candidate to the next while flat, stepping the shared
 * {@link PositionState} only while a position is open) booked by
 * {@link com.sigmatiq.engine.backtest.Accounting} for each sizing in O(trades + sessions). Memory stays
 * bounded: per combination only metrics and verdict are kept, full results (trades, equity) for the top
 * K, recomputed on the plain path. After all trials each deflated Sharpe ratio is recomputed with N =
 * the number of trials and V = the population variance of their daily Sharpe ratios.
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
     * @param progress  told (done, total) as units finish; may be null
     * @param cancelled polled between units; may be null
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

    private record Kept(long comboId, double sharpe) {
    }

    private static final Comparator<Kept> WORST_FIRST =
            Comparator.comparingDouble((Kept k) -> k.sharpe).thenComparingLong(k -> -k.comboId);

    private SweepRunner() {
    }

    public static Outcome run(Request request, Options options) {
        SweepGrid grid = request.grid();
        if (grid.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a sweep of " + grid.size() + " combinations is too large to run in one process");
        }
        int total = (int) grid.size();
        SweepSession session = new SweepSession(request);
        SweepSession.ComboOutcome[] outcomes = new SweepSession.ComboOutcome[total];
        AtomicLong nextUnit = new AtomicLong();
        AtomicLong done = new AtomicLong();
        int threads = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        int topK = Math.max(0, options.topK());
        List<PriorityQueue<Kept>> tops = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                PriorityQueue<Kept> top = new PriorityQueue<>(WORST_FIRST);
                tops.add(top);
                futures.add(pool.submit(() -> {
                    PositionState position = new PositionState(0, 0, 0, 0);
                    while (options.cancelled() == null || !options.cancelled().getAsBoolean()) {
                        long unit = nextUnit.getAndIncrement();
                        if (unit >= session.units()) {
                            return;
                        }
                        for (SweepSession.ComboOutcome o : session.runUnit(unit, position)) {
                            outcomes[(int) o.comboId() - 1] = o;
                            if (topK > 0) {
                                Kept k = new Kept(o.comboId(), o.metrics().sharpeRatio());
                                if (top.size() < topK || WORST_FIRST.compare(k, top.peek()) > 0) {
                                    top.add(k);
                                    if (top.size() > topK) {
                                        top.poll();
                                    }
                                }
                            }
                        }
                        long d = done.addAndGet(session.unitSize());
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

        List<MetricsCalculator.ReturnMoments> moments = new ArrayList<>();
        for (SweepSession.ComboOutcome o : outcomes) {
            if (o != null) {
                moments.add(o.moments());
            }
        }
        double variance = SweepSession.trialSharpeVariance(moments);
        ComboResult[] results = new ComboResult[total];
        for (int i = 0; i < total; i++) {
            SweepSession.ComboOutcome o = outcomes[i];
            if (o != null) {
                results[i] = new ComboResult(o.comboId(), SweepSession.deflate(o.metrics(), o.moments(), moments.size(), variance),
                        o.verdict());
            }
        }
        List<Kept> kept = new ArrayList<>();
        tops.forEach(kept::addAll);
        kept.sort(WORST_FIRST.reversed());
        List<StrategyBacktest.Report> top = new ArrayList<>();
        for (int i = 0; i < Math.min(topK, kept.size()); i++) {
            long id = kept.get(i).comboId;
            StrategyBacktest.Report r = session.detail(id);
            BacktestResult res = r.result();
            top.add(new StrategyBacktest.Report(r.config(), new BacktestResult(res.trades(), res.sessionEpochDays(),
                    res.dailyEquity(), res.exposureSessions(), results[(int) id - 1].metrics()), r.verdict(), r.from(), r.to()));
        }
        return new Outcome(total, done.get(), done.get() < total, results, top, variance);
    }
}
