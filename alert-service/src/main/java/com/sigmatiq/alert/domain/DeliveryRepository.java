package com.sigmatiq.alert.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The delivery rows: written with their alert, claimed and settled by the dispatcher, read as routing. */
public interface DeliveryRepository {

    /** Stores {@code pending} rows due now; a row already there is kept. Call in the alert's transaction. */
    void insert(List<Delivery> deliveries, Instant now);

    /**
     * Claims up to {@code limit} due rows of one destination ({@code pending} or {@code retrying}, next attempt
     * reached, still valid, not held by an unexpired claim), skipping rows another dispatcher is claiming; counts the
     * attempt and holds the rows until {@code now + lease}.
     */
    List<DueDelivery> claim(String destination, int limit, Instant now, Duration lease);

    /** Marks {@code expired} the open rows whose {@code valid_until} has passed and which nobody holds. */
    int expireDue(Instant now);

    /** Settles a claimed row as {@code sent}; false if the claim was lost (another dispatcher took the row). */
    boolean markSent(DueDelivery d, Instant now);

    /** Settles a claimed row as {@code failed} or {@code expired} with its last error. */
    boolean markFinal(DueDelivery d, String status, String error, Instant now);

    /** Releases a claimed row as {@code retrying} at {@code nextAttemptAt}. */
    boolean markRetrying(DueDelivery d, Instant nextAttemptAt, String error, Instant now);

    /** The rows of each alert, as routing (alerts without rows are absent). */
    Map<String, RoutingView> routing(Collection<String> alertIds);
}
