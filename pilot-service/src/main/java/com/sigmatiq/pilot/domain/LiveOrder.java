package com.sigmatiq.pilot.domain;

import java.time.Instant;

/**
 * A live order. Its client order id is its alert id.
 *
 * @param id             ours, {@code ORD_…}
 * @param referencePrice the last close when it was checked, dollars (slippage is measured against it)
 * @param averagePrice   average fill price, NaN before the first fill
 * @param commission     dollars, all fills
 * @param validUntil     the alert's {@code valid_until}: not sent after it; null when the alert set none
 */
public record LiveOrder(String id, String alertId, String accountId, String ownerId, String publishedId, String ticker,
                        OrderTicket.Side side, long quantity, OrderTicket.OrderType type, double limitPrice,
                        OrderTicket.TimeInForce timeInForce, double referencePrice, OrderState state, String brokerOrderId,
                        long filledQuantity, double averagePrice, double commission, Instant lastFillAt, Instant createdAt,
                        Instant sentAt, Instant updatedAt, Instant validUntil) {

    public OrderTicket ticket(String brokerAccount) {
        return new OrderTicket(alertId, brokerAccount, ticker, side, quantity, type, limitPrice, timeInForce);
    }

    /** This order as {@code markSent} leaves it. */
    public LiveOrder sent(Instant at) {
        return new LiveOrder(id, alertId, accountId, ownerId, publishedId, ticker, side, quantity, type, limitPrice, timeInForce,
                referencePrice, state == OrderState.PENDING_NEW ? OrderState.SENT : state, brokerOrderId, filledQuantity,
                averagePrice, commission, lastFillAt, createdAt, sentAt == null ? at : sentAt, at, validUntil);
    }

    /** Whether the alert behind it has gone stale at {@code now}, on the clock of the model's feed. */
    public boolean stale(Instant now) {
        return validUntil != null && now.isAfter(validUntil);
    }

    /** Slippage in dollars per share against the reference price: negative when it cost us (seed 8.2's sign). */
    public Double slippage() {
        if (filledQuantity == 0 || Double.isNaN(averagePrice)) {
            return null;
        }
        double s = side == OrderTicket.Side.BUY ? referencePrice - averagePrice : averagePrice - referencePrice;
        return Math.round(s * 100) / 100.0;
    }
}
