package com.sigmatiq.engine.backtest;

/**
 * Fill prices and commissions of DESIGN §4 "Fills", shared by the backtester, the sweep runner and the paper
 * simulator. Stateless and allocation-free; the exit levels and their order live in {@link PositionState}.
 *
 * <p>Entries decided at a bar's close fill at the next bar's open; every fill pays slippage against the trader.
 */
public final class NextOpenFillModel {

    private NextOpenFillModel() {
    }

    /** Buy fill: price × (1 + bps/10⁴). */
    public static double buyPrice(double price, double slippageBps) {
        return price * (1 + slippageBps / 10_000.0);
    }

    /** Sell fill: price × (1 − bps/10⁴). */
    public static double sellPrice(double price, double slippageBps) {
        return price * (1 - slippageBps / 10_000.0);
    }

    /** Commission of one order: per order + per share × shares, in money. */
    public static double commission(double shares, double perOrder, double perShare) {
        return perOrder + perShare * shares;
    }

    /** Shares bought for {@code amount} of money at {@code fillPrice} (fractional; commission paid on top). */
    public static double shares(double amount, double fillPrice) {
        return amount / fillPrice;
    }
}
