package com.sigmatiq.pilot.domain;

import java.time.Instant;

/**
 * An alert of a live published model, as alert-service puts it on {@code alerts.live} (seed 7.2, snake_case).
 *
 * @param alertId     deterministic per (publication, bar, action): the client order id
 * @param publishedId the publication ({@code model_id} in the document)
 * @param buy         BUY or SELL
 * @param quantity    whole shares asked for; 0 on a SELL (sell the position)
 * @param limitPrice  the entry price of a limit BUY, dollars; NaN for a market order
 * @param validUntil  when the alert stops being worth acting on, or null
 */
public record LiveAlert(String alertId, String publishedId, Instant time, String ticker, boolean buy, long quantity,
                        OrderTicket.OrderType orderType, double limitPrice, OrderTicket.TimeInForce timeInForce,
                        Instant validUntil) {
}
