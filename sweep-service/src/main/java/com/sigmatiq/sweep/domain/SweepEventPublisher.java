package com.sigmatiq.sweep.domain;

/**
 * Sweep lifecycle events ({@code sweep.events}). Called inside the transaction that makes the change: the event is
 * recorded in it (outbox) and goes out if and only if the change commits.
 */
public interface SweepEventPublisher {

    /** {@code sweep.completed} of a sweep whose completion is being committed, with its best combination by Sharpe. */
    void completed(SweepState sweep, Long bestComboId, Double bestSharpe);
}
