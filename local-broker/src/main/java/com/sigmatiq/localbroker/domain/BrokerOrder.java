package com.sigmatiq.localbroker.domain;

import java.time.Instant;

/**
 * An order as the local broker holds it. Filled whole, at one price, by the first bar that crosses it.
 *
 * @param clOrdId      the client's order id (FIX ClOrdID), unique at the broker
 * @param orderId      the broker's order id
 * @param clientCompId the SenderCompID of the session that sent it: its reports go back there
 * @param limitPrice   limit orders only
 * @param stopPrice    stop orders only
 * @param fillBar      which bar filled it ({@code feed|timeframe|start}), null until filled
 */
public record BrokerOrder(String clOrdId, String orderId, String clientCompId, String account, String symbol, Side side,
                          OrderType type, long quantity, Double limitPrice, Double stopPrice, String timeInForce,
                          Status status, long filledQuantity, double averagePrice, double commission,
                          String rejectReason, String fillBar, Instant createdAt, Instant updatedAt) {

    public enum Side { BUY, SELL }

    public enum OrderType { MARKET, LIMIT, STOP }

    public enum Status {
        NEW, FILLED, CANCELLED, REJECTED;

        public boolean open() {
            return this == NEW;
        }
    }

    public long leavesQuantity() {
        return status.open() ? quantity - filledQuantity : 0;
    }

    BrokerOrder filled(double price, double commission, String bar, Instant at) {
        return new BrokerOrder(clOrdId, orderId, clientCompId, account, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, Status.FILLED, quantity, price, commission, null, bar, createdAt, at);
    }

    BrokerOrder cancelled(Instant at) {
        return new BrokerOrder(clOrdId, orderId, clientCompId, account, symbol, side, type, quantity, limitPrice, stopPrice,
                timeInForce, Status.CANCELLED, filledQuantity, averagePrice, commission, null, fillBar, createdAt, at);
    }
}
