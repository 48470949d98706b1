package com.sigmatiq.pilot.domain;

import java.time.Instant;

/**
 * What a broker reported about an order (a FIX ExecutionReport, an Alpaca or IB order answer), in our terms.
 *
 * @param executionId the broker's id of this report (FIX ExecID): a fill is counted once per id
 * @param kind        what happened
 * @param state       the order's state after it, by the broker
 * @param lastQuantity shares filled by this report (0 unless a fill)
 * @param lastPrice   price of this fill, NaN unless a fill
 * @param cumulativeQuantity shares filled so far
 * @param averagePrice average fill price so far, NaN before the first fill
 * @param commission  dollars for this report, 0 if none given
 * @param text        the broker's reason for a reject or cancel, or null
 */
public record ExecutionUpdate(String clientOrderId, String brokerOrderId, String executionId, Kind kind, OrderState state,
                              long lastQuantity, double lastPrice, long cumulativeQuantity, double averagePrice,
                              double commission, String text, Instant time) {

    public enum Kind { NEW, PARTIAL_FILL, FILL, CANCELLED, REJECTED, EXPIRED, STATUS, UNKNOWN_ORDER }

    public boolean isFill() {
        return lastQuantity > 0 && (kind == Kind.PARTIAL_FILL || kind == Kind.FILL);
    }
}
