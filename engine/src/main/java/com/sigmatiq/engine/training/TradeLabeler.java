package com.sigmatiq.engine.training;

import com.sigmatiq.engine.backtest.NextOpenFillModel;
import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;

/**
 * The trade behind one sample's label: entered at the open after the decision bar and stepped bar by bar through
 * the backtest's own {@link PositionState} and {@link NextOpenFillModel} (DESIGN §4's event order) until it exits,
 * with the backtest's arithmetic for the net return. It never exits for {@code end_of_data}: a trade still open
 * after the data's last bar is unresolved. Mutable, reusable, allocation-free; the last resolved trade is read from
 * the fields.
 */
final class TradeLabeler {

    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final int[] session;
    private final SessionClock clock;
    private final boolean[] exitSignal;
    private final PositionState position;
    private final double bps;
    private final double perOrder;
    private final double perShare;
    private final double amount;
    private final double fraction;

    /** Bar whose open filled the entry. */
    int entryBar;
    /** Bar on which the exit filled (at its open, inside it, or at its close). */
    int exitBar;
    /** {@link com.sigmatiq.engine.backtest.ExitReason#code()} of the exit. */
    int exitCode;
    /** Buy fill, slippage included. */
    double entryFill;
    /** Sell fill, slippage included. */
    double exitFill;
    /** (exit value − entry value − both commissions) / entry value. */
    double netReturn;

    /**
     * @param amount   money invested per trade (commissions on top)
     * @param fraction the fraction of equity that {@code amount} stands for (bookkeeping only)
     */
    TradeLabeler(BarSeries bars, SessionClock clock, boolean[] exitSignal, PositionState position, double slippageBps,
                 double commissionPerOrder, double commissionPerShare, double amount, double fraction) {
        this.open = bars.open();
        this.high = bars.high();
        this.low = bars.low();
        this.close = bars.close();
        this.session = clock.sessions();
        this.clock = clock;
        this.exitSignal = exitSignal;
        this.position = position;
        this.bps = slippageBps;
        this.perOrder = commissionPerOrder;
        this.perShare = commissionPerShare;
        this.amount = amount;
        this.fraction = fraction;
    }

    /**
     * Runs the trade decided at {@code decisionBar}'s close.
     *
     * @return true when it exited on a bar the data has (the fields then describe it); false when it is still
     *         open after the data's last bar, or the decision bar is the last bar (nothing to enter on)
     */
    boolean run(int decisionBar) {
        final int n = open.length;
        int t = decisionBar + 1;
        if (t >= n) {
            return false;
        }
        final double fill = NextOpenFillModel.buyPrice(open[t], bps);
        final double shares = NextOpenFillModel.shares(amount, fill);
        final double entryCommission = NextOpenFillModel.commission(shares, perOrder, perShare);
        position.enter(t, session[t], fill, shares, entryCommission, fraction);
        for (; t < n; t++) {
            int code = position.onBar(t, open[t], high[t], low[t], close[t], session[t], clock.isSessionLastBar(t),
                    exitSignal[t], false);
            if (code != PositionState.NO_EXIT) {
                double sell = NextOpenFillModel.sellPrice(position.exitPrice(), bps);
                double exitCommission = NextOpenFillModel.commission(shares, perOrder, perShare);
                double entryValue = shares * position.entryPrice();
                double commissions = position.entryCommission() + exitCommission;
                double pnl = shares * sell - entryValue - commissions;
                entryBar = position.entryBar();
                exitBar = t;
                exitCode = code;
                entryFill = fill;
                exitFill = sell;
                netReturn = pnl / entryValue;
                return true;
            }
        }
        position.reset();
        return false;
    }
}
