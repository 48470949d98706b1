package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import java.util.ArrayList;
import java.util.List;

/**
 * The second half of a backtest, for sweeps: sizes the trades of a {@link TradePath}, keeps cash and the
 * daily equity curve and computes the metrics, with the same arithmetic in the same order as
 * {@link StrategyEvaluator}, so both give bit-identical results (EvaluatorEquivalenceTest). Cost is O(trades +
 * sessions), not O(bars): while flat, equity is cash, and in a position it is needed at sessions' last bars only.
 */
public final class Accounting {

    /**
     * One sized run.
     *
     * @param trades          the trades, or null when not asked for
     * @param maxSizeFraction largest fraction of equity a trade used; 0 without trades
     */
    public record Result(double[] dailyEquity, int exposureSessions, Metrics metrics, double maxSizeFraction, List<Trade> trades) {
    }

    private Accounting() {
    }

    /**
     * Sizes and books {@code path} over {@code [from, to)} with the costs, capital and sizing of {@code p}.
     *
     * @return the result, or null when an entry could not be sized (equity not positive, or not one whole share)
     *         — the caller then runs {@link Backtester#run}, which skips such an entry and so takes a different path
     */
    public static Result account(TradePath path, BarSeries bars, SessionClock clock, int from, int to, ExecutionParams p,
                                 boolean keepTrades) {
        final double[] close = bars.close();
        final long[] time = bars.time();
        final int[] session = clock.sessions();
        final double perOrder = p.commissionPerOrder();
        final double perShare = p.commissionPerShare();
        final boolean wholeShares = p.wholeShares();
        final int firstSession = session[from];
        final int lastSession = session[to - 1];
        final int sessions = lastSession - firstSession + 1;
        final double[] dailyEquity = new double[sessions];
        final int count = path.count();
        final double[] returns = new double[count];
        final double[] pnls = new double[count];
        final int[] durations = new int[count];
        final List<Trade> trades = keepTrades ? new ArrayList<>(count) : null;
        final PositionSizer sizer = new PositionSizer(p.sizing());
        double cash = p.initialCapital();
        double maxFraction = 0;
        int exposure = 0;
        int lastExposedSession = -1;
        int ns = firstSession;
        for (int i = 0; i < count; i++) {
            int in = path.entryBar(i);
            int out = path.exitBar(i);
            while (ns <= lastSession && sessionEnd(clock, ns, to) < in) {
                dailyEquity[ns - firstSession] = cash;
                ns++;
            }
            double fraction = sizer.fraction();
            double amount = fraction * cash;
            if (!(amount > 0 && Double.isFinite(amount))) {
                return null;
            }
            double fill = path.entryFill(i);
            double shares;
            if (wholeShares) {
                shares = Math.floor(amount / close[in - 1]); // decided at the previous close, at its price
                if (!(shares >= 1)) {
                    return null;
                }
            } else {
                shares = NextOpenFillModel.shares(amount, fill);
            }
            double entryCommission = NextOpenFillModel.commission(shares, perOrder, perShare);
            cash -= shares * fill + entryCommission;
            while (ns <= lastSession && sessionEnd(clock, ns, to) < out) {
                int e = sessionEnd(clock, ns, to);
                dailyEquity[ns - firstSession] = cash + shares * close[e];
                ns++;
            }
            double exitFill = path.exitFill(i);
            double exitCommission = NextOpenFillModel.commission(shares, perOrder, perShare);
            cash += shares * exitFill - exitCommission;
            double entryValue = shares * fill;
            double commissions = entryCommission + exitCommission;
            double pnl = shares * exitFill - entryValue - commissions;
            double ret = pnl / entryValue;
            int entrySession = session[in];
            int days = (int) (clock.sessionEpochDay(session[out]) - clock.sessionEpochDay(entrySession));
            returns[i] = ret;
            pnls[i] = pnl;
            durations[i] = days;
            if (fraction > maxFraction) {
                maxFraction = fraction;
            }
            if (keepTrades) {
                trades.add(new Trade(in, out, time[in], time[out], fill, exitFill, shares, commissions, pnl, ret, days,
                        path.exitReason(i), fraction));
            }
            sizer.recordClosedTrade(ret);
            int s0 = Math.max(entrySession, lastExposedSession + 1);
            if (session[out] >= s0) {
                exposure += session[out] - s0 + 1;
                lastExposedSession = session[out];
            }
        }
        while (ns <= lastSession) {
            dailyEquity[ns - firstSession] = cash;
            ns++;
        }
        Metrics metrics = MetricsCalculator.compute(p.initialCapital(), dailyEquity, returns, pnls, durations, exposure, 1, 0.0);
        return new Result(dailyEquity, exposure, metrics, maxFraction, trades);
    }

    /** The bar whose close gives session {@code s}'s equity: its last bar, or the range's last bar. */
    private static int sessionEnd(SessionClock clock, int s, int to) {
        return Math.min(clock.sessionLastBar(s), to - 1);
    }
}
