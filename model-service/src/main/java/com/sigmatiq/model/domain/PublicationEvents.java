package com.sigmatiq.model.domain;

/**
 * Announces publication changes. Called inside the transaction that makes the change: an implementation must record
 * the event in that transaction (outbox).
 */
public interface PublicationEvents {

    /** {@code model.published}. */
    void published(Publication publication);

    /** {@code model.publication_status_changed}: the last entry of the publication's history. */
    void statusChanged(Publication publication);
}
