package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The runtime's persistence: publications, runtime snapshots, evaluations, alerts and their delivery rows. A bar's
 * alerts are stored first ({@link #saveAlerts}); its evaluations and the runtimes' snapshots are written behind them
 * ({@link #saveEvaluations}), and a runtime rebuilt from its snapshot takes the bars after it again, making the same
 * alerts (stored once: their ids are functions of model, bar and action).
 */
public interface RuntimeStore {

    /** Creates or replaces a publication (from {@code model.published}). */
    void upsert(Publication p, Instant now);

    /** Sets a publication's status (from a status change); false when unknown. */
    boolean status(String publicationId, String status, Instant now);

    Optional<Publication> publication(String id);

    /** Active publications whose feed is {@code stream} for this ticker and timeframe. */
    List<Publication> following(String ticker, String timeframe, String stream);

    /** Changes whenever a publication is added or changes status (so that {@link #following} can be cached). */
    String publicationsVersion();

    /** The last snapshot written, or empty before the first. */
    Optional<RuntimeSnapshot> snapshot(String publicationId);

    /**
     * Where to read a partition from so that every active runtime on it finds the bars after its snapshot: the
     * smallest snapshot position + 1, or empty when no active runtime has one there.
     */
    OptionalLong resumeOffset(String topic, int partition);

    /**
     * Bars' alerts, all or nothing: each alert with its delivery rows (an alert id already stored is left as it is),
     * the snapshots of runtimes just warmed up (so a rebuilt runtime starts where this one did), the evaluation layouts
     * of runtimes just built (one already stored is kept), and each stream's last bar taken.
     */
    void saveAlerts(List<Made> alerts, List<RuntimeSnapshot> warmedUp, List<Layout> layouts, List<StreamMark> marks, Instant now);

    /** The first bar of a stream stored with {@link #saveAlerts}, if any was. */
    java.util.Optional<StreamStart> streamStart(String ticker, String timeframe, String feed);

    /**
     * Evaluations (one already stored is left as it is) and runtime snapshots (one never replaces a later one), all or
     * nothing.
     */
    void saveEvaluations(List<EvaluationRows> evaluations, List<RuntimeSnapshot> snapshots, Instant now);

    /** An empty buffer of evaluations in the store's own encoding. */
    EvaluationRows evaluationRows();

    /** Buffers whose evaluations are stored ({@link #saveEvaluations} returned): the store may hand them out again. */
    default void recycle(List<EvaluationRows> written) {
    }

    /**
     * Evaluations encoded for storage where they are made (a runtime's thread), so that what waits for the writer is a
     * few byte arrays rather than objects per model and bar. Not thread-safe: one thread fills a buffer.
     */
    interface EvaluationRows {
        void add(Publication publication, EvaluationLayout.Row row);

        int count();
    }

    /** An alert of a publication and its delivery rows. */
    record Made(Publication publication, Alert alert, String json, List<Delivery> deliveries) {
    }

    /** A publication's evaluation layout. */
    record Layout(String publicationId, EvaluationLayout layout) {
    }

    /**
     * The bars of a stream in a batch whose alerts are stored: its first one's time and place (kept as the stream's
     * start the first time it is seen), its last one's time, and how many.
     */
    record StreamMark(String ticker, String timeframe, String feed, long firstBarTime, IncomingBar.BarPosition first,
                      long lastBarTime, int bars) {
    }

    /** The first bar a stream had here, and its place in Kafka. */
    record StreamStart(long barTime, IncomingBar.BarPosition position) {
    }
}
