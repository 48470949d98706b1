package com.sigmatiq.model.domain;

/**
 * Announces model changes. Called inside the transaction that makes the change: an implementation must
 * record the event in that transaction (outbox) so that the event goes out if and only if the change commits.
 */
public interface ModelEvents {

    void created(Model model);

    void statusChanged(Model model, ModelStatus from);

    void deleted(Model model);
}
