package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import java.util.ArrayList;
import java.util.List;

/**
 * The long-only, single-instrument backtest of DESIGN §4: drives {@link PositionState},
 * {@link NextOpenFillModel} and {@link PositionSizer} over the bars, keeps cash and equity, and computes
 * the metrics. Stateless; one indexed loop, no allocation per bar (one {@link Trade} per trade).
 */
public final class Backtester {

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
        final long[] time = bars.time();
        final double[] open = bars.open();
        final double[] high = bars.high();
        final double[] low = bars.low();
        final double[] close = bars.close();
        final int[] session = clock.sessions();
        final double[] confidence = signals.confidence();
        final boolean[] eligible = signals.entryEligible();
        final boolean[] exitSignal = signals.exitSignal();
        final double threshold = p.threshold();
        final double bps = p.slippageBps();
        final double perOrder = p.commissionPerOrder();
        final double perShare = p.commissionPerShare();

        final int firstSession = session[from];
        final int sessions = session[to - 1] - firstSession + 1;
        final double[] dailyEquity = new double[sessions];
        final long[] sessionDays = new long[sessions];
        for (int s = 0; s < sessions; s++) {
            sessionDays[s] = clock.sessionEpochDay(firstSession + s);
        }

        final PositionState position = PositionState.of(p);
        final PositionSizer sizer = new PositionSizer(p.sizing());
        final List<Trade> trades = new ArrayList<>();
        double cash = p.initialCapital();
        boolean entryPending = false;
        double entryAmount = 0;
        double entryFraction = 0;
        int exposure = 0;
        int lastExposedSession = -1;

        for (int t = from; t < to; t++) {
            final boolean lastBar = t == to - 1;
            final boolean sessionLastBar = clock.isSessionLastBar(t);
            if (entryPending) {
                double fill = NextOpenFillModel.buyPrice(open[t], bps);
                double shares = NextOpenFillModel.shares(entryAmount, fill);
                double commission = NextOpenFillModel.commission(shares, perOrder, perShare);
                cash -= shares * fill + commission;
                position.enter(t, session[t], fill, shares, commission, entryFraction);
                entryPending = false;
            }
            if (position.isOpen()) {
                int code = position.onBar(t, open[t], high[t], low[t], close[t], session[t], sessionLastBar,
                        exitSignal[t], lastBar);
                if (code != PositionState.NO_EXIT) {
                    double shares = position.shares();
                    double fill = NextOpenFillModel.sellPrice(position.exitPrice(), bps);
                    double commission = NextOpenFillModel.commission(shares, perOrder, perShare);
                    cash += shares * fill - commission;
                    double entryValue = shares * position.entryPrice();
                    double commissions = position.entryCommission() + commission;
                    double pnl = shares * fill - entryValue - commissions;
                    double ret = pnl / entryValue;
                    int entrySession = position.entrySession();
                    int days = (int) (clock.sessionEpochDay(session[t]) - clock.sessionEpochDay(entrySession));
                    trades.add(new Trade(position.entryBar(), t, time[position.entryBar()], time[t],
                            position.entryPrice(), fill, shares, commissions, pnl, ret, days,
                            ExitReason.ofCode(code), position.sizeFraction()));
                    sizer.recordClosedTrade(ret);
                    int s0 = Math.max(entrySession, lastExposedSession + 1);
                    if (session[t] >= s0) {
                        exposure += session[t] - s0 + 1;
                        lastExposedSession = session[t];
                    }
                }
            }
            final double equity = position.isOpen() ? cash + position.shares() * close[t] : cash;
            if (t == clock.sessionLastBar(session[t]) || lastBar) {
                dailyEquity[session[t] - firstSession] = equity;
            }
            if (!lastBar && !position.isOpen() && eligible[t] && confidence[t] >= threshold) {
                double fraction = sizer.fraction();
                double amount = fraction * equity;
                if (amount > 0 && Double.isFinite(amount)) {
                    entryPending = true;
                    entryFraction = fraction;
                    entryAmount = amount;
                }
            }
        }

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
        Metrics metrics = MetricsCalculator.compute(p.initialCapital(), dailyEquity, returns, pnl, durations,
                exposure, 1, 0.0);
        return new BacktestResult(trades, sessionDays, dailyEquity, exposure, metrics);
    }
}
