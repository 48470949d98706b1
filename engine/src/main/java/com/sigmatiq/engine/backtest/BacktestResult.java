package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.metrics.Metrics;
import java.util.List;

/**
 * Outcome of one backtest over a range of bars.
 *
 * @param trades            closed trades in time order
 * @param sessionEpochDays  exchange-local date (epoch day) of every session of the range
 * @param dailyEquity       equity at each session's last bar in the range (same length as {@code sessionEpochDays})
 * @param exposureSessions  sessions in which a position was held at any instant
 * @param metrics           DESIGN §4 metrics of this run (its deflated Sharpe with N = 1, the probabilistic Sharpe)
 */
public record BacktestResult(List<Trade> trades, long[] sessionEpochDays, double[] dailyEquity, int exposureSessions,
                             Metrics metrics) {

    public BacktestResult {
        trades = List.copyOf(trades);
        if (sessionEpochDays.length != dailyEquity.length) {
            throw new IllegalArgumentException("sessionEpochDays and dailyEquity differ in length: "
                    + sessionEpochDays.length + " vs " + dailyEquity.length);
        }
    }

    /** Largest {@link Trade#sizeFraction()} of the trades; 0 without trades. */
    public double maxSizeFraction() {
        double max = 0;
        for (int i = 0; i < trades.size(); i++) {
            double f = trades.get(i).sizeFraction();
            if (f > max) {
                max = f;
            }
        }
        return max;
    }
}
