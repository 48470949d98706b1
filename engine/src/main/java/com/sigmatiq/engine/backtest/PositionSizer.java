package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * The fraction of equity a new entry invests (DESIGN §4 "Sizing"), with the running statistics Kelly sizing
 * needs. Mutable, primitive, O(1) per call; feed it every closed trade's return.
 */
public final class PositionSizer {

    private final boolean kelly;
    private final double fixed;
    private final double min;
    private final double max;
    private int closed;
    private int winners;
    private int losers;
    private double sumWinnerReturns;
    private double sumLoserReturns;

    public PositionSizer(Sizing sizing) {
        if (sizing instanceof Sizing.FixedFraction f) {
            kelly = false;
            fixed = f.fraction();
            min = fixed;
            max = fixed;
        } else if (sizing instanceof Sizing.Kelly k) {
            kelly = true;
            fixed = Double.NaN;
            min = k.minFraction();
            max = k.maxFraction();
        } else {
            throw new IllegalArgumentException("unknown sizing " + sizing);
        }
    }

    /** Forgets the closed trades. */
    public void reset() {
        closed = 0;
        winners = 0;
        losers = 0;
        sumWinnerReturns = 0;
        sumLoserReturns = 0;
    }

    /** Records a closed trade's return (fraction); winners are &gt; 0, losers &lt; 0, 0 is neither. */
    public void recordClosedTrade(double returnFraction) {
        closed++;
        if (returnFraction > 0) {
            winners++;
            sumWinnerReturns += returnFraction;
        } else if (returnFraction < 0) {
            losers++;
            sumLoserReturns += returnFraction;
        }
    }

    /** Writes the closed trades' statistics, for {@link #readState}. */
    public void writeState(StateWriter out) {
        out.putInt(closed);
        out.putInt(winners);
        out.putInt(losers);
        out.putDouble(sumWinnerReturns);
        out.putDouble(sumLoserReturns);
    }

    /** Continues from statistics written by {@link #writeState}. */
    public void readState(StateReader in) {
        closed = in.getInt();
        winners = in.getInt();
        losers = in.getInt();
        sumWinnerReturns = in.getDouble();
        sumLoserReturns = in.getDouble();
    }

    public int closedTrades() {
        return closed;
    }

    /**
     * Fraction of equity to invest now. Fixed: the configured fraction. Kelly: {@code max} until
     * {@link Sizing.Kelly#MIN_CLOSED_TRADES} trades have closed, then half of W − (1 − W)/R (W when there is
     * no loser; −∞, hence {@code min}, when there are losers but no winner), clamped to [min, max].
     */
    public double fraction() {
        if (!kelly) {
            return fixed;
        }
        if (closed < Sizing.Kelly.MIN_CLOSED_TRADES) {
            return max;
        }
        double w = (double) winners / closed;
        double k;
        if (losers == 0) {
            k = w;
        } else if (winners == 0) {
            k = Double.NEGATIVE_INFINITY;
        } else {
            double r = (sumWinnerReturns / winners) / Math.abs(sumLoserReturns / losers);
            k = w - (1 - w) / r;
        }
        double half = k / 2;
        return Math.max(min, Math.min(max, half));
    }
}
