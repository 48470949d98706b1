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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One sweep over one series, cut into <em>work units</em> that any number of threads or processes can run
 * in any order: a unit is one combination of the keys that change the trade path (signals, threshold,
 * exits, slippage) with every combination of the keys that only change the accounting (sizing,
 * commissions, capital). Results depend only on the unit, never on who runs it or when, so a
 * distributed sweep may hand units out, lose workers and run units again.
 *
 * <p>What units share is computed once per session and reused: indicator and feature columns per
 * distinct indicator parameters, signals per (indicator parameters, allowed hours), entry candidates
 * per (signals, threshold). Thread-safe.
 */
public final class SweepSession {

    /** Keys that only change the accounting, not the trades' timing. */
    static final Set<String> ACCOUNTING_KEYS = Set.of("position_size_pct", "max_position_pct", "min_position_pct",
            "commission_per_order", "commission_per_share", "initial_capital");

    /**
     * What a sweep keeps of one combination.
     *
     * @param metrics its metrics, the deflated Sharpe ratio still with N = 1 (see {@link #deflate})
     * @param moments what a later deflation needs of its daily returns
     */
    public record ComboOutcome(long comboId, Metrics metrics, GateVerdict verdict, MetricsCalculator.ReturnMoments moments) {
    }

    private final SweepRunner.Request request;
    private final SweepGrid grid;
    private final BarSeries bars;
    private final SessionClock clock;
    private final int from;
    private final int to;
    private final GateThresholds gates;
    private final double adv;
    private final double spread;
    private final int keyCount;
    private final int[] pathKeys;
    private final int[] accountingKeys;
    private final int[] radix;
    private final long units;
    private final int unitSize;
    private final ConcurrentHashMap<String, CompletableFuture<double[][]>> columns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<SignalColumns>> signals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<TradePath.EntryCandidates>> candidates = new ConcurrentHashMap<>();

    public SweepSession(SweepRunner.Request request) {
        this.request = request;
        this.grid = request.grid();
        this.bars = request.bars();
        this.clock = SessionClock.of(bars);
        this.from = request.from();
        this.to = request.to();
        this.gates = StrategyBacktest.gates(grid.base().pack().gates(), request.qualityGates());
        double[] volume = bars.volume();
        double total = 0;
        for (int i = from; i < to; i++) {
            total += volume[i];
        }
        this.adv = total / (clock.session(to - 1) - clock.session(from) + 1);
        this.spread = CorwinSchultz.estimate(bars, clock, from, to);
        keyCount = grid.keys().size();
        radix = new int[keyCount];
        List<Integer> path = new ArrayList<>();
        List<Integer> acct = new ArrayList<>();
        long u = 1;
        long size = 1;
        for (int k = 0; k < keyCount; k++) {
            radix[k] = grid.radix(k);
            if (ACCOUNTING_KEYS.contains(grid.keys().get(k))) {
                acct.add(k);
                size *= radix[k];
            } else {
                path.add(k);
                u *= radix[k];
            }
        }
        pathKeys = path.stream().mapToInt(Integer::intValue).toArray();
        accountingKeys = acct.stream().mapToInt(Integer::intValue).toArray();
        units = u;
        unitSize = (int) size;
    }

    public SweepRunner.Request request() {
        return request;
    }

    /** Number of work units; every combination belongs to exactly one. */
    public long units() {
        return units;
    }

    /** Combinations per unit. */
    public int unitSize() {
        return unitSize;
    }

    /** The combo ids of unit {@code unit}, in the order {@link #runUnit} returns them. */
    public long[] comboIds(long unit) {
        int[] digits = new int[keyCount];
        unitDigits(unit, digits);
        long[] ids = new long[unitSize];
        for (int a = 0; a < unitSize; a++) {
            accountingDigits(a, digits);
            ids[a] = grid.comboId(digits);
        }
        return ids;
    }

    /** Runs every combination of unit {@code unit} (0-based); the caller supplies a reusable position. */
    public ComboOutcome[] runUnit(long unit, PositionState position) {
        if (unit < 0 || unit >= units) {
            throw new IllegalArgumentException("unit " + unit + " is outside 0.." + (units - 1));
        }
        int[] digits = new int[keyCount];
        unitDigits(unit, digits);
        ComboOutcome[] out = new ComboOutcome[unitSize];
        TradePath path = null;
        SignalColumns sig = null;
        for (int a = 0; a < unitSize; a++) {
            accountingDigits(a, digits);
            long id = grid.comboId(digits);
            StrategyConfig config = grid.config(id);
            ExecutionParams p = StrategyBacktest.executionParams(config);
            if (path == null) {
                sig = signals(config);
                TradePath.EntryCandidates entries = candidates(config, sig);
                position.configure(p.stopLoss(), p.takeProfit(), p.trailingStop(), p.timeStopDays());
                path = TradePath.simulate(bars, clock, sig.exitSignal(), entries, from, to, position, p.slippageBps());
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
                BacktestResult r = Backtester.run(bars, clock, sig, from, to, p);
                metrics = r.metrics();
                equity = r.dailyEquity();
                maxFraction = r.maxSizeFraction();
            }
            double[] returns = MetricsCalculator.dailyReturns(p.initialCapital(), equity);
            GateVerdict verdict = GateEvaluator.evaluate(gates, new GateInputs(metrics, p.slippageBps(), adv, spread,
                    maxFraction, HistoricalVar.var95(returns), null));
            out[a] = new ComboOutcome(id, metrics, verdict, MetricsCalculator.ReturnMoments.of(returns));
        }
        return out;
    }

    /** The full, plain-path backtest of one combination (trades and equity curve), recomputed on demand. */
    public StrategyBacktest.Report detail(long comboId) {
        return StrategyBacktest.run(grid.config(comboId), bars, from, to, request.qualityGates());
    }

    /**
     * The population variance V of the trials' daily Sharpe ratios (DESIGN §4), over every outcome given.
     * Floating-point sums depend on order: give the outcomes in combo-id order for a reproducible V.
     */
    public static double trialSharpeVariance(Iterable<MetricsCalculator.ReturnMoments> moments) {
        int n = 0;
        double sum = 0;
        for (MetricsCalculator.ReturnMoments m : moments) {
            n++;
            sum += m.dailySharpe();
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double sq = 0;
        for (MetricsCalculator.ReturnMoments m : moments) {
            double d = m.dailySharpe() - mean;
            sq += d * d;
        }
        return sq / n;
    }

    /** A combination's metrics with its Sharpe ratio deflated by N trials of Sharpe variance V. */
    public static Metrics deflate(Metrics metrics, MetricsCalculator.ReturnMoments moments, int trials, double variance) {
        return metrics.withDeflatedSharpeRatio(MetricsCalculator.deflatedSharpe(moments, Math.max(1, trials), variance));
    }

    private void unitDigits(long unit, int[] digits) {
        long rest = unit;
        for (int j = pathKeys.length - 1; j >= 0; j--) {
            int k = pathKeys[j];
            digits[k] = (int) (rest % radix[k]);
            rest /= radix[k];
        }
    }

    private void accountingDigits(int a, int[] digits) {
        int rest = a;
        for (int j = accountingKeys.length - 1; j >= 0; j--) {
            int k = accountingKeys[j];
            digits[k] = rest % radix[k];
            rest /= radix[k];
        }
    }

    private SignalColumns signals(StrategyConfig config) {
        String indicators = indicatorKey(config);
        return once(signals, indicators + "|" + config.allowedHours().mask(), () -> {
            SignalEngine engine = SignalEngine.compile(config);
            double[][] cols = once(columns, indicators, () -> engine.plan().compute(bars));
            return SignalColumns.of(engine.run(bars, cols, clock));
        });
    }

    private TradePath.EntryCandidates candidates(StrategyConfig config, SignalColumns sig) {
        String key = indicatorKey(config) + "|" + config.allowedHours().mask() + "|" + config.threshold();
        return once(candidates, key, () -> TradePath.EntryCandidates.of(sig, config.threshold(), from, to));
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
