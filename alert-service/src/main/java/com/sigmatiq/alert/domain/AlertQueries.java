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

    /**
     * How far a publication's runtime has got (platform services only): the first bar it decided on (null before its
     * first evaluations are stored), the bar time of its last stored snapshot (every alert of every bar up to it is
     * stored; null before its first) and the ids of its alerts of bars up to {@code through}. Empty for a publication
     * this service does not know.
     */
    Optional<Progress> progress(String publicationId, Instant through);

    /** See {@link #progress}. */
    record Progress(Instant decidedFrom, Instant evaluatedThrough, List<String> alertIds) {
    }

    /** A page of rows and the number of rows in all pages. */
    record Page<T>(List<T> items, long total) {
    }

    /** An alert with when it was stored. */
    record Stamped(Alert alert, Instant createdAt) {
    }
}
