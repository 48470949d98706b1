package com.sigmatiq.pilot.domain;

import java.time.Instant;
import java.util.List;

/**
 * One reconciliation of an account with its broker: what was compared and every difference found (none is dropped).
 *
 * @param ordersChecked   our open orders looked up at the broker by client order id
 * @param positionsChecked whether the broker reported positions to compare (not every adapter can)
 * @param brokerOpenOrdersChecked whether the broker listed its open orders, so that one unknown to us is found
 * @param differences     each difference; empty when ours equals the broker's
 */
public record ReconciliationReport(String accountId, Instant at, int ordersChecked, boolean positionsChecked,
                                   boolean brokerOpenOrdersChecked, List<Difference> differences) {

    /**
     * @param kind  {@code state}, {@code filled_quantity}, {@code unknown_at_broker}, {@code position},
     *              {@code unknown_to_us} (an open order at the broker that is none of ours),
     *              {@code not_asked} (the broker could not be asked)
     * @param ours  our value
     * @param theirs the broker's value
     */
    public record Difference(String kind, String orderId, String clientOrderId, String ticker, String ours, String theirs,
                             String detail) {
    }

    public boolean matched() {
        return differences.isEmpty();
    }
}
