package com.sigmatiq.engine.gate;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import java.util.List;
import java.util.Objects;

/**
 * What the gates measure, in fractions (NaN where a value cannot be measured).
 *
 * @param metrics            the backtest's metrics
 * @param slippageBps        modelled slippage, basis points
 * @param averageDailyVolume mean over the range's sessions of each session's summed bar volume, shares
 * @param spread             Corwin–Schultz spread estimate, fraction (NaN with fewer than two sessions)
 * @param maxPositionSize    largest fraction of equity a trade invested (0 without trades)
 * @param var95              95% historical VaR of the daily returns, positive fraction for a loss
 * @param correlation        highest correlation of daily returns with the user's other published models;
 *                           null when none were given or none overlaps in at least two sessions
 */
public record GateInputs(Metrics metrics, double slippageBps, double averageDailyVolume, double spread,
                         double maxPositionSize, double var95, Double correlation) {

    public GateInputs {
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Measures everything from a backtest over bars {@code [from, to)}.
     *
     * @param otherModels daily return curves of the user's other published models (may be empty)
     */
    public static GateInputs of(BacktestResult result, BarSeries bars, SessionClock clock, int from, int to,
                                ExecutionParams p, List<ReturnCurve> otherModels) {
        double[] volume = bars.volume();
        double total = 0;
        for (int i = from; i < to; i++) {
            total += volume[i];
        }
        int sessions = clock.session(to - 1) - clock.session(from) + 1;
        double adv = total / sessions;
        double spread = CorwinSchultz.estimate(bars, clock, from, to);
        double[] returns = MetricsCalculator.dailyReturns(p.initialCapital(), result.dailyEquity());
        double var = HistoricalVar.var95(returns);
        Double correlation = null;
        if (!otherModels.isEmpty()) {
            ReturnCurve own = new ReturnCurve(result.sessionEpochDays(), returns);
            double max = Double.NEGATIVE_INFINITY;
            for (ReturnCurve other : otherModels) {
                double c = own.correlationWith(other);
                if (!Double.isNaN(c) && c > max) {
                    max = c;
                }
            }
            correlation = max == Double.NEGATIVE_INFINITY ? null : max;
        }
        return new GateInputs(result.metrics(), p.slippageBps(), adv, spread, result.maxSizeFraction(), var,
                correlation);
    }
}
