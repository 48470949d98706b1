package com.sigmatiq.sim.domain;

/**
 * What paper trading reads of an alert (seed 7.2, as alert-service sends it on {@code alerts.paper}).
 *
 * @param alertId     {@code alert_<published id>_<bar start>_<buy|sell>}, the idempotency key
 * @param publishedId the published model ({@code model_id} in the alert)
 * @param barTime     start of the bar at whose close it was decided (the alert's {@code timestamp}), epoch ms
 * @param buy         BUY, else SELL
 * @param exitReason  a SELL's {@code order_details.exit_reason} ({@code exit_signal} for a rule exit filled at the
 *                    next open; a bracket's reason when the bracket already acted); null for a BUY
 * @param quantity    the alert's {@code order_details.quantity} (informative: the account sizes its own orders)
 */
public record PaperAlert(String alertId, String publishedId, long barTime, boolean buy, String exitReason, long quantity) {

    /** A SELL that asks to sell at the next open (a rule exit), as opposed to one reporting a bracket exit. */
    public boolean ruleExit() {
        return !buy && (exitReason == null || "exit_signal".equals(exitReason));
    }
}
