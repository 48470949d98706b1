package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;

/**
 * The batch backtest of DESIGN §4: signals computed column by column, then one loop of a column-fed
 * {@link StrategyEvaluator} over the range, its decisions kept by a {@link BacktestRecorder}. Stateless; no
 * allocation per bar (one {@link Trade} per trade).
 */
public final class Backtester {

    /** Sees every decision of a run, in bar order (the trainer's event spans, tests). */
    @FunctionalInterface
    public interface DecisionListener {
        void onDecision(Decision decision);
    }

    private Backtester() {
    }

    /**
     * Decisions only at closes of bars in {@code [from, to)}; bars before {@code from} are history only
     * (for the signal layer's warm-up); the last bar is {@code to − 1}, where an open position closes
     * ({@code end_of_data}) and an entry decided at its close is not taken.
     *
     * @throws IllegalArgumentException when the columns do not match the bars or the range is empty
     */
    public static BacktestResult run(BarSeries bars, SessionClock clock, SignalColumns signals, int from, int to,
                                     ExecutionParams p) {
        return run(bars, clock, signals, from, to, p, null);
    }

    /** As {@link #run(BarSeries, SessionClock, SignalColumns, int, int, ExecutionParams)}, telling {@code listener} each decision. */
    public static BacktestResult run(BarSeries bars, SessionClock clock, SignalColumns signals, int from, int to,
                                     ExecutionParams p, DecisionListener listener) {
        int n = bars.size();
        if (signals.size() != n) {
            throw new IllegalArgumentException("signal columns have " + signals.size() + " rows, bars " + n);
        }
        if (clock.sessions().length != n) {
            throw new IllegalArgumentException("session clock covers " + clock.sessions().length + " bars, series " + n);
        }
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") must be non-empty inside [0, " + n + ")");
        }
        StrategyEvaluator evaluator = StrategyEvaluator.columnFed(p);
        BacktestRecorder recorder = new BacktestRecorder(p.initialCapital(), clock.session(to - 1) - clock.session(from) + 1);
        for (int t = from; t < to; t++) {
            Decision d = evaluator.onBar(t, bars, clock, signals, t == to - 1);
            recorder.record(d);
            if (listener != null) {
                listener.onDecision(d);
            }
        }
        return recorder.result(evaluator.exposureSessions());
    }
}
