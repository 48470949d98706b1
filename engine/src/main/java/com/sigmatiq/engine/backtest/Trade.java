package com.sigmatiq.engine.backtest;

/**
 * One closed round trip. Prices are fill prices (slippage included).
 *
 * @param entryBar       index of the bar whose open filled the entry
 * @param exitBar        index of the bar on which the exit filled (at its open, inside it, or at its close)
 * @param entryTime      start time of {@code entryBar}, epoch ms UTC
 * @param exitTime       start time of {@code exitBar}, epoch ms UTC (the bar, not the instant inside it)
 * @param entryPrice     buy fill price per share
 * @param exitPrice      sell fill price per share
 * @param shares         shares held (fractional in backtests)
 * @param commission     commissions of both orders, in money
 * @param pnl            exit value − entry value − commissions, in money
 * @param returnFraction pnl / entry value; 0.0189 = +1.89%
 * @param durationDays   calendar days between the entry's and the exit's session dates (0 within one session)
 * @param exitReason     why it closed
 * @param sizeFraction   fraction of equity at the deciding close that the entry invested (NaN when unknown)
 */
public record Trade(int entryBar, int exitBar, long entryTime, long exitTime, double entryPrice, double exitPrice,
                    double shares, double commission, double pnl, double returnFraction, int durationDays,
                    ExitReason exitReason, double sizeFraction) {

    /** The contract's original shape, without the size fraction (NaN). */
    public Trade(int entryBar, int exitBar, long entryTime, long exitTime, double entryPrice, double exitPrice,
                 double shares, double commission, double pnl, double returnFraction, int durationDays,
                 ExitReason exitReason) {
        this(entryBar, exitBar, entryTime, exitTime, entryPrice, exitPrice, shares, commission, pnl, returnFraction,
                durationDays, exitReason, Double.NaN);
    }
}
