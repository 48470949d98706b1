package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading a user's alerts, evaluations and followed publications (owner-scoped: another user's are absent). */
public interface AlertQueries {

    /** A page of alerts, newest bar first; {@code publicationId}, {@code from}, {@code to} may be null. */
    Page<Alert> alerts(String ownerId, String publicationId, Instant from, Instant to, int page, int size);

    Optional<Alert> alert(String ownerId, String alertId);

    /** A page of a publication's evaluations, newest bar first. */
    Page<Evaluation> evaluations(String ownerId, String publicationId, Instant from, Instant to, int page, int size);

    Optional<Publication> publication(String ownerId, String publicationId);

    List<Publication> publications(String ownerId);

    /**
     * Alerts of {@code ownerId} stored after ({@code after}, {@code afterId}) in (creation time, alert id) order, at
     * most {@code limit}.
     */
    List<Stamped> alertsAfter(String ownerId, Instant after, String afterId, int limit);

    /** A page of rows and the number of rows in all pages. */
    record Page<T>(List<T> items, long total) {
    }

    /** An alert with when it was stored. */
    record Stamped(Alert alert, Instant createdAt) {
    }
}
