package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The runtime's persistence: publications, runtime snapshots, evaluations, alerts and their delivery rows. */
public interface RuntimeStore {

    /** Creates or replaces a publication (from {@code model.published}). */
    void upsert(Publication p, Instant now);

    /** Sets a publication's status (from a status change); false when unknown. */
    boolean status(String publicationId, String status, Instant now);

    Optional<Publication> publication(String id);

    /** Active publications whose feed is {@code stream} for this ticker and timeframe. */
    List<Publication> following(String ticker, String timeframe, String stream);

    /** The snapshot written with the last bar, or empty before the first. */
    Optional<byte[]> runtimeState(String publicationId);

    /**
     * One bar's work for several models, all or nothing: each evaluation, its alerts with their delivery rows, and
     * each runtime's new snapshot. An alert id already stored is left as it is (a bar taken again).
     */
    void save(List<Saved> steps, Instant now);

    /** One model's step and what goes with it. */
    record Saved(Publication publication, ModelRuntime.Step step, List<Delivery> deliveries, byte[] state) {
    }
}
