package com.sigmatiq.pilot.domain;

import java.util.Objects;

/**
 * What is sent to a broker for one order.
 *
 * @param clientOrderId the alert id (FIX ClOrdID, Alpaca {@code client_order_id}, IB {@code cOID})
 * @param brokerAccount the broker's account id
 * @param quantity      whole shares, positive
 * @param limitPrice    dollars for a limit order; NaN for a market order
 */
public record OrderTicket(String clientOrderId, String brokerAccount, String ticker, Side side, long quantity,
                          OrderType type, double limitPrice, TimeInForce timeInForce) {

    public enum Side { BUY, SELL }

    public enum OrderType { MARKET, LIMIT }

    public enum TimeInForce { DAY, GTC }

    public OrderTicket {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(ticker, "ticker");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (type == OrderType.LIMIT && !(limitPrice > 0)) {
            throw new IllegalArgumentException("a limit order needs a positive limit price");
        }
    }
}
