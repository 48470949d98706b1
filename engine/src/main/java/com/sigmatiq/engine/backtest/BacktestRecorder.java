package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a backtest keeps of a {@link StrategyEvaluator}'s decisions: the closed trades, and the daily equity curve of
 * DESIGN §4 — each session's equity at the last bar the data holds of it (every decision writes its session's slot;
 * the last write wins, so a session cut by the end of the range, or whose closing bar is missing, still counts).
 * Then the metrics. The same for a batch loop ({@link Backtester}) and for bars fed one at a time. Warm-up decisions
 * are ignored.
 */
public final class BacktestRecorder {

    private final double initialCapital;
    private final List<Trade> trades = new ArrayList<>();
    private long[] days;
    private double[] equity;
    private int firstSession = -1;
    private int sessions;

    /** @param expectedSessions a sizing hint (the curve grows as needed) */
    public BacktestRecorder(double initialCapital, int expectedSessions) {
        this.initialCapital = initialCapital;
        int cap = Math.max(16, expectedSessions);
        this.days = new long[cap];
        this.equity = new double[cap];
    }

    /** Takes one bar's decision (before the evaluator takes the next bar). */
    public void record(Decision d) {
        if (d.warmUp()) {
            return;
        }
        Trade trade = d.trade();
        if (trade != null) {
            trades.add(trade);
        }
        if (firstSession < 0) {
            firstSession = d.session();
        }
        int s = d.session() - firstSession;
        if (s == sessions) {
            if (s == days.length) {
                days = Arrays.copyOf(days, s * 2);
                equity = Arrays.copyOf(equity, s * 2);
            }
            days[s] = d.sessionEpochDay();
            sessions = s + 1;
        } else if (s != sessions - 1) {
            throw new IllegalStateException("decision of session " + d.session() + " after session "
                    + (firstSession + sessions - 1));
        }
        equity[s] = d.equity();
    }

    /** Closed trades so far, in time order. */
    public List<Trade> trades() {
        return trades;
    }

    /**
     * The backtest of the bars recorded.
     *
     * @param exposureSessions the evaluator's {@link StrategyEvaluator#exposureSessions()}
     */
    public BacktestResult result(int exposureSessions) {
        int count = trades.size();
        double[] returns = new double[count];
        double[] pnl = new double[count];
        int[] durations = new int[count];
        for (int i = 0; i < count; i++) {
            Trade tr = trades.get(i);
            returns[i] = tr.returnFraction();
            pnl[i] = tr.pnl();
            durations[i] = tr.durationDays();
        }
        double[] curve = Arrays.copyOf(equity, sessions);
        Metrics metrics = MetricsCalculator.compute(initialCapital, curve, returns, pnl, durations, exposureSessions, 1, 0.0);
        return new BacktestResult(trades, Arrays.copyOf(days, sessions), curve, exposureSessions, metrics);
    }
}
