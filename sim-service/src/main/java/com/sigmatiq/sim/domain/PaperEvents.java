package com.sigmatiq.sim.domain;

/**
 * Announces a completed period ({@code paper.completed}). Called inside the transaction that stores the completion:
 * an implementation records the event in it (outbox).
 */
public interface PaperEvents {

    void completed(Account account, PerformanceReport report);
}
