package com.sigmatiq.pilot.domain;

import java.time.Instant;

/**
 * A live order. Its client order id is its alert id.
 *
 * @param id             ours, {@code ORD_…}
 * @param referencePrice the last close when it was checked, dollars (slippage is measured against it)
 * @param averagePrice   average fill price, NaN before the first fill
 * @param commission     dollars, all fills
 */
public record LiveOrder(String id, String alertId, String accountId, String ownerId, String publishedId, String ticker,
                        OrderTicket.Side side, long quantity, OrderTicket.OrderType type, double limitPrice,
                        OrderTicket.TimeInForce timeInForce, double referencePrice, OrderState state, String brokerOrderId,
                        long filledQuantity, double averagePrice, double commission, Instant lastFillAt, Instant createdAt,
                        Instant sentAt, Instant updatedAt) {

    public OrderTicket ticket(String brokerAccount) {
        return new OrderTicket(alertId, brokerAccount, ticker, side, quantity, type, limitPrice, timeInForce);
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
