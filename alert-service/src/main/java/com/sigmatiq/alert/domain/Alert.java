package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.Map;

/**
 * The seed's 7.2 alert without its routing (which the deliveries add when it is read).
 *
 * @param alertId   derived from (published model, bar time, action): {@link AlertIds}
 * @param timestamp the deciding bar's start
 * @param modelId   the published model ({@code pub_…})
 * @param userId    its owner
 */
public record Alert(String alertId, Instant timestamp, String modelId, String userId, Signal signal,
                    OrderDetails orderDetails, Metadata metadata) {

    /** {@code action}, {@code instrument} ({@code stock}), {@code ticker}, {@code confidence}, {@code urgency}. */
    public record Signal(AlertAction action, String instrument, String ticker, Double confidence, String urgency) {
    }

    /**
     * The order to place. BUY: a limit (the pack's order type and time in force) at the deciding bar's close for
     * floor(equity × size / price) whole shares, with its bracket. SELL: the whole position; for a rule exit a market
     * order at the next open, for a bracket exit (stop, target, trailing, time stop) what the bracket did, at
     * {@code exit_price}.
     *
     * @param validUntil the session's close (early closes included)
     */
    public record OrderDetails(String orderType, long quantity, Double entryPrice, Double stopLoss, Double takeProfit,
                               String timeInForce, Instant validUntil, String exitReason, Double exitPrice) {
    }

    /**
     * @param features        the pack features' values at the deciding bar's close
     * @param backtestStats   the training trades' win rate, mean return and mean duration (days)
     * @param predictedReturn p·avg_winner + (1 − p)·avg_loser of the training trades (BUY only)
     */
    public record Metadata(String strategy, String pack, Map<String, Object> features, Map<String, Double> backtestStats,
                           Double predictedReturn, Double predictedDurationDays) {
    }
}
