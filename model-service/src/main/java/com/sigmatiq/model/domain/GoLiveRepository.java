package com.sigmatiq.model.domain;

import java.time.Instant;
import java.util.List;

/** Approved publications waiting for their go-live date (schema {@code model}, table {@code publication_go_live}). */
public interface GoLiveRepository {

    /** A publication that goes live at {@code goLiveAt}. */
    record PendingGoLive(String ownerId, String publishedId, Instant goLiveAt) {
    }

    void save(PendingGoLive pending, Instant receivedAt);

    /** Those whose date has come, oldest first. */
    List<PendingGoLive> due(Instant now);

    void delete(String publishedId);
}
