package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.Objects;

/**
 * Everything the simulator needs besides bars and signals, resolved to primitives. All percentages are
 * fractions (0.08 = 8%); a stop, target, trailing or time stop of 0 turns that exit off.
 *
 * @param threshold          minimum confidence to enter, in [0, 1] (DESIGN default 1.0)
 * @param stopLoss           stop below the entry fill, fraction in [0, 1); 0 = off
 * @param takeProfit         target above the entry fill, fraction ≥ 0; 0 = off
 * @param trailingStop       trailing distance below the peak, fraction in [0, 1); 0 = off
 * @param timeStopDays       sessions a position may span, the entry's session counting as the first; 0 = off
 * @param slippageBps        slippage against the trader on every fill, basis points in [0, 10⁴) (DESIGN default 2)
 * @param commissionPerOrder money per order, ≥ 0
 * @param commissionPerShare money per share, ≥ 0
 * @param initialCapital     starting cash, money, &gt; 0 (DESIGN default 100,000)
 * @param sizing             position sizing
 * @param wholeShares        buy whole shares, floor(equity × size / the deciding close), as alerts, paper and live
 *                           orders do (DESIGN §4 "Sizing", §7); false for the fractional shares of backtests
 */
public record ExecutionParams(double threshold, double stopLoss, double takeProfit, double trailingStop,
                              int timeStopDays, double slippageBps, double commissionPerOrder,
                              double commissionPerShare, double initialCapital, Sizing sizing, boolean wholeShares) {

    public static final double DEFAULT_THRESHOLD = 1.0;
    public static final double DEFAULT_SLIPPAGE_BPS = 2.0;
    public static final double DEFAULT_INITIAL_CAPITAL = 100_000.0;

    public ExecutionParams {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        if (!(stopLoss >= 0 && stopLoss < 1)) {
            throw new IllegalArgumentException("stop_loss_pct must be in [0, 100) (0 = off), got " + stopLoss * 100);
        }
        if (!(takeProfit >= 0 && Double.isFinite(takeProfit))) {
            throw new IllegalArgumentException("take_profit_pct must be a finite number ≥ 0 (0 = off), got "
                    + takeProfit * 100);
        }
        if (!(trailingStop >= 0 && trailingStop < 1)) {
            throw new IllegalArgumentException("trailing_stop_pct must be in [0, 100) (0 = off), got "
                    + trailingStop * 100);
        }
        if (timeStopDays < 0) {
            throw new IllegalArgumentException("time_stop_days must be ≥ 0 (0 = off), got " + timeStopDays);
        }
        if (!(slippageBps >= 0 && slippageBps < 10_000)) {
            throw new IllegalArgumentException("slippage_bps must be in [0, 10000), got " + slippageBps);
        }
        if (!(commissionPerOrder >= 0 && Double.isFinite(commissionPerOrder))) {
            throw new IllegalArgumentException("commission_per_order must be a finite number ≥ 0, got "
                    + commissionPerOrder);
        }
        if (!(commissionPerShare >= 0 && Double.isFinite(commissionPerShare))) {
            throw new IllegalArgumentException("commission_per_share must be a finite number ≥ 0, got "
                    + commissionPerShare);
        }
        if (!(initialCapital > 0 && Double.isFinite(initialCapital))) {
            throw new IllegalArgumentException("initial_capital must be a finite number > 0, got " + initialCapital);
        }
        Objects.requireNonNull(sizing, "sizing");
    }

    /** Fractional shares, as backtests buy them. */
    public ExecutionParams(double threshold, double stopLoss, double takeProfit, double trailingStop, int timeStopDays,
                           double slippageBps, double commissionPerOrder, double commissionPerShare, double initialCapital,
                           Sizing sizing) {
        this(threshold, stopLoss, takeProfit, trailingStop, timeStopDays, slippageBps, commissionPerOrder,
                commissionPerShare, initialCapital, sizing, false);
    }

    /** The settings of a configuration (fractions inside; Kelly sizing unless a position size is set), fractional shares. */
    public static ExecutionParams of(StrategyConfig c) {
        Sizing sizing = c.positionSizePct() != null
                ? new Sizing.FixedFraction(c.positionSizePct() / 100)
                : new Sizing.Kelly(c.minPositionPct() / 100, c.maxPositionPct() / 100);
        return new ExecutionParams(c.threshold(), c.stopLoss(), c.takeProfit(), c.trailingStop(), c.timeStopDays(),
                c.slippageBps(), c.commissionPerOrder(), c.commissionPerShare(), c.initialCapital(), sizing);
    }

    /** The same with whole or fractional shares. */
    public ExecutionParams withWholeShares(boolean whole) {
        return new ExecutionParams(threshold, stopLoss, takeProfit, trailingStop, timeStopDays, slippageBps,
                commissionPerOrder, commissionPerShare, initialCapital, sizing, whole);
    }
}
