package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * The exit side of the fill model: one long position's stop, target, peak and pending rule exit, stepped bar
 * by bar in the order of DESIGN §4. Mutable, primitive and allocation-free, so that the backtester, the sweep
 * runner and the paper simulator drive the same code; reuse one instance per configuration (or per thread).
 *
 * <p>Driving it, for every bar t:
 * <ol>
 *   <li>if an entry was decided at t − 1's close: {@link #enter} with the buy fill at t's open
 *       ({@link NextOpenFillModel#buyPrice});</li>
 *   <li>if {@link #isOpen()}: {@code code = onBar(...)}; when {@code code != NO_EXIT} the position is flat,
 *       sell at {@link NextOpenFillModel#sellPrice}({@link #exitPrice()}), the entry fields still describe the
 *       closed trade, and {@code ExitReason.ofCode(code)} is the reason;</li>
 *   <li>at t's close an entry may be decided when {@code !isOpen()} (an exit inside t or at t's close leaves
 *       the position flat at that close; a pending rule exit keeps it open until t + 1's open).</li>
 * </ol>
 * Exit codes are {@link ExitReason#code()} values; {@link #NO_EXIT} means nothing filled on this bar.
 */
public final class PositionState {

    public static final int NO_EXIT = -1;
    public static final int EXIT_STOP_LOSS = 0;
    public static final int EXIT_TRAILING_STOP = 1;
    public static final int EXIT_TAKE_PROFIT = 2;
    public static final int EXIT_TIME_STOP = 3;
    public static final int EXIT_SIGNAL = 4;
    public static final int EXIT_END_OF_DATA = 5;

    // exit rules (fractions; 0 = off)
    private double stopLoss;
    private double takeProfit;
    private double trailingStop;
    private int timeStopDays;

    // the position
    private boolean open;
    private int entryBar;
    private int entrySession;
    private double entryPrice;
    private double shares;
    private double entryCommission;
    private double sizeFraction;
    private double stop;
    private double target;
    private double peak;
    private boolean stopRaised;
    private boolean exitPending;
    private double exitPrice;

    /** Exit rules as fractions (0.08 = 8%); 0 turns an exit off. */
    public PositionState(double stopLoss, double takeProfit, double trailingStop, int timeStopDays) {
        configure(stopLoss, takeProfit, trailingStop, timeStopDays);
    }

    /** The exit rules of {@code p}. */
    public static PositionState of(ExecutionParams p) {
        return new PositionState(p.stopLoss(), p.takeProfit(), p.trailingStop(), p.timeStopDays());
    }

    /** Changes the exit rules and makes the state flat (for reuse across configurations). */
    public void configure(double stopLoss, double takeProfit, double trailingStop, int timeStopDays) {
        if (!(stopLoss >= 0 && stopLoss < 1) || !(takeProfit >= 0) || !(trailingStop >= 0 && trailingStop < 1)
                || timeStopDays < 0) {
            throw new IllegalArgumentException("exit rules out of range: stopLoss " + stopLoss + ", takeProfit "
                    + takeProfit + ", trailingStop " + trailingStop + ", timeStopDays " + timeStopDays);
        }
        this.stopLoss = stopLoss;
        this.takeProfit = takeProfit;
        this.trailingStop = trailingStop;
        this.timeStopDays = timeStopDays;
        reset();
    }

    /** Forgets any position. */
    public void reset() {
        open = false;
        exitPending = false;
        entryBar = -1;
        entrySession = -1;
        entryPrice = 0;
        shares = 0;
        entryCommission = 0;
        sizeFraction = 0;
        stop = Double.NEGATIVE_INFINITY;
        target = Double.POSITIVE_INFINITY;
        peak = 0;
        stopRaised = false;
        exitPrice = Double.NaN;
    }

    /**
     * Opens a position filled at bar {@code bar}'s open (step 1): stop = fill × (1 − stop), target =
     * fill × (1 + tp), peak = fill.
     *
     * @param fillPrice    buy fill price, slippage included
     * @param commission   the entry order's commission
     * @param sizeFraction fraction of equity the entry invested (bookkeeping only)
     */
    public void enter(int bar, int session, double fillPrice, double shares, double commission, double sizeFraction) {
        this.open = true;
        this.exitPending = false;
        this.entryBar = bar;
        this.entrySession = session;
        this.entryPrice = fillPrice;
        this.shares = shares;
        this.entryCommission = commission;
        this.sizeFraction = sizeFraction;
        this.stop = stopLoss > 0 ? fillPrice * (1 - stopLoss) : Double.NEGATIVE_INFINITY;
        this.target = takeProfit > 0 ? fillPrice * (1 + takeProfit) : Double.POSITIVE_INFINITY;
        this.peak = fillPrice;
        this.stopRaised = false;
        this.exitPrice = Double.NaN;
    }

    /**
     * Steps bar {@code t} of an open position (step 2 and 4 of DESIGN §4): a pending rule exit fills at the
     * open; else (except on the entry bar) a gap through the stop, then the target, exits at the open; else
     * the stop (winning over the target), then the target, exits at its level; else peak and trailing stop
     * move (in force from t + 1); at the close the time stop, then end of data, exit at the close; else an
     * exit signal is remembered and fills at t + 1's open.
     *
     * @param session        session index of bar t
     * @param sessionLastBar bar t is its session's last bar
     * @param exitSignal     an exit_logic line holds at t's close
     * @param lastBar        bar t is the last bar of the data (end of data); the paper simulator passes false
     * @return an exit code ({@link ExitReason#code()}) when the position closed on this bar, with the raw
     *         (pre-slippage) price in {@link #exitPrice()}; else {@link #NO_EXIT}
     */
    public int onBar(int t, double openPx, double high, double low, double close, int session,
                     boolean sessionLastBar, boolean exitSignal, boolean lastBar) {
        if (!open) {
            return NO_EXIT;
        }
        if (exitPending) {
            return exit(EXIT_SIGNAL, openPx);
        }
        if (t != entryBar) {
            if (openPx <= stop) {
                return exit(stopRaised ? EXIT_TRAILING_STOP : EXIT_STOP_LOSS, openPx);
            }
            if (openPx >= target) {
                return exit(EXIT_TAKE_PROFIT, openPx);
            }
        }
        if (low <= stop) {
            return exit(stopRaised ? EXIT_TRAILING_STOP : EXIT_STOP_LOSS, stop);
        }
        if (high >= target) {
            return exit(EXIT_TAKE_PROFIT, target);
        }
        if (high > peak) {
            peak = high;
        }
        if (trailingStop > 0) {
            double trailed = peak * (1 - trailingStop);
            if (trailed > stop) {
                stop = trailed;
                stopRaised = true;
            }
        }
        if (timeStopDays > 0 && sessionLastBar && session - entrySession + 1 >= timeStopDays) {
            return exit(EXIT_TIME_STOP, close);
        }
        if (lastBar) {
            return exit(EXIT_END_OF_DATA, close);
        }
        if (exitSignal) {
            exitPending = true;
        }
        return NO_EXIT;
    }

    private int exit(int code, double price) {
        open = false;
        exitPending = false;
        exitPrice = price;
        return code;
    }

    /** Writes the position (not the exit rules), for {@link #readState}. */
    public void writeState(StateWriter out) {
        out.putBoolean(open);
        out.putInt(entryBar);
        out.putInt(entrySession);
        out.putDouble(entryPrice);
        out.putDouble(shares);
        out.putDouble(entryCommission);
        out.putDouble(sizeFraction);
        out.putDouble(stop);
        out.putDouble(target);
        out.putDouble(peak);
        out.putBoolean(stopRaised);
        out.putBoolean(exitPending);
        out.putDouble(exitPrice);
    }

    /** Continues from a position written by {@link #writeState}, under this state's exit rules. */
    public void readState(StateReader in) {
        open = in.getBoolean();
        entryBar = in.getInt();
        entrySession = in.getInt();
        entryPrice = in.getDouble();
        shares = in.getDouble();
        entryCommission = in.getDouble();
        sizeFraction = in.getDouble();
        stop = in.getDouble();
        target = in.getDouble();
        peak = in.getDouble();
        stopRaised = in.getBoolean();
        exitPending = in.getBoolean();
        exitPrice = in.getDouble();
    }

    /** A position is held (possibly with a rule exit pending for the next open). */
    public boolean isOpen() {
        return open;
    }

    /** A rule exit was decided at the last close and fills at the next bar's open. */
    public boolean exitPending() {
        return exitPending;
    }

    public int entryBar() {
        return entryBar;
    }

    public int entrySession() {
        return entrySession;
    }

    /** Buy fill price, slippage included. */
    public double entryPrice() {
        return entryPrice;
    }

    public double shares() {
        return shares;
    }

    public double entryCommission() {
        return entryCommission;
    }

    public double sizeFraction() {
        return sizeFraction;
    }

    /** Current stop level (−∞ when there is none); after {@link #onBar} it is the level in force for t + 1. */
    public double stop() {
        return stop;
    }

    /** Target level (+∞ when there is none). */
    public double target() {
        return target;
    }

    /** Highest high since the entry (the entry fill at first). */
    public double peak() {
        return peak;
    }

    /** The trailing stop has raised the stop above its initial level. */
    public boolean stopRaised() {
        return stopRaised;
    }

    /** Raw price (before slippage) of the exit that {@link #onBar} last reported. */
    public double exitPrice() {
        return exitPrice;
    }
}
