package com.sigmatiq.alert.domain;

import java.util.List;

/**
 * Where an alert goes: {@code sigma_sim} for a model that paper-trades, {@code sigma_pilot} for a live one, and the
 * user's e-mail and webhook (their defaults, or the published model's own destinations where set). Called inside the
 * transaction that stores the alert; the rows it returns are stored with it.
 */
public interface DeliveryPlanner {

    List<Delivery> plan(Publication publication, Alert alert);

    /** A planner for the alerts of one batch of bars, which may read each user's destinations once. */
    default Batch batch() {
        return this::plan;
    }

    /** Plans alerts like {@link #plan}, within one batch. */
    @FunctionalInterface
    interface Batch {
        List<Delivery> plan(Publication publication, Alert alert);
    }
}
