package com.sigmatiq.marketdata.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Replays and their cursors (implemented in {@code persistence}). */
public interface ReplayRepository {

    /**
     * @param speed    1 = real time, 0 = as fast as possible
     * @param position timeline events acknowledged by Kafka when the cursor was saved
     * @param offsets  per {@code topic:partition}, the highest offset acknowledged when the cursor was saved (or the
     *                 end offset when the replay was created)
     */
    record ReplayRow(UUID id, List<String> tickers, String sourceTimeframe, List<String> timeframes, long fromMs,
                     long toMs, double speed, boolean extended, String status, long position, long total,
                     Map<String, Long> offsets, String error, String requestedBy, Instant createdAt,
                     Instant updatedAt) {
    }

    void insert(ReplayRow r);

    void saveCursor(UUID id, long position, long total, Map<String, Long> offsets, String status, String error,
                    Instant now);

    void fail(UUID id, String error, Instant now);

    /** Moves a replay to {@code to} if its status is one of {@code from}; whether it moved. */
    boolean transition(UUID id, String to, Instant now, String... from);

    Optional<ReplayRow> find(UUID id);

    List<ReplayRow> byStatus(String status);

    List<ReplayRow> recent(int limit);
}
