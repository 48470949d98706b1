package com.sigmatiq.alert.domain;

/**
 * Sends one claimed row to its destination and says how it went. Runs on its destination's own threads; it must
 * bound its time (every sender has a timeout below the dispatcher's lease) and should not throw (a throw is a retry).
 */
public interface DeliverySender {

    /** The destination it serves: one of {@link Delivery}'s names. */
    String destination();

    SendResult send(DueDelivery delivery);
}
