package com.sigmatiq.model.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A published trained model: what it runs (a frozen copy of the trained model), how (the publish settings, paper
 * equity, feed), and where it is in its lifecycle.
 *
 * @param ownerId        the owner's user id (JWT subject)
 * @param id             {@code pub_} and 32 hex digits, unique
 * @param trainedModel   frozen at publication
 * @param paperEquity    starting equity of the paper account, dollars, &gt; 0
 * @param pausedFrom     the status it was paused from while {@code paused}, else null
 * @param paperTradeStart when paper trading started (= {@code publishedAt}); null when not paper-trading first
 * @param paperTradeEnd  the close of the last paper session ({@link PaperPeriod}); null when not paper-trading first
 * @param liveDate       when it may go live at the earliest (= {@code paperTradeEnd}); null when not paper-trading first
 * @param history        status changes, oldest first; the first is the publication itself
 * @param paperRecommendation sim-service's recommendation at the end of the paper period, null before
 */
public record Publication(String ownerId, String id, TrainedModel trainedModel, PublishSettings settings,
                          double paperEquity, Feed feed, PublicationStatus status, PublicationStatus pausedFrom,
                          Instant paperTradeStart, Instant paperTradeEnd, Instant liveDate, Instant publishedAt,
                          Instant updatedAt, List<StatusChange> history,
                          String paperRecommendation) {

    public Publication {
        history = List.copyOf(history);
    }

    public String modelId() {
        return trainedModel.modelId();
    }

    /** This publication moved to {@code next} at {@code at}, with the change appended to its history. */
    public Publication moved(PublicationStatus next, Instant at, String reason) {
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(status, next, at, reason));
        PublicationStatus from = next == PublicationStatus.PAUSED ? status : null;
        return new Publication(ownerId, id, trainedModel, settings, paperEquity, feed, next, from, paperTradeStart,
                paperTradeEnd, liveDate, publishedAt, at, h, paperRecommendation);
    }

    /** This publication moved to {@code paper_complete} with sim-service's recommendation. */
    public Publication paperCompleted(Instant at, String recommendation) {
        Publication moved = moved(PublicationStatus.PAPER_COMPLETE, at, "paper trading complete: " + recommendation);
        return new Publication(ownerId, id, trainedModel, settings, paperEquity, feed, moved.status(), null, paperTradeStart,
                paperTradeEnd, liveDate, publishedAt, at, moved.history(), recommendation);
    }

    /** The statuses it may move to from here. */
    public List<PublicationStatus> allowedTransitions() {
        return status.nextStatuses(pausedFrom);
    }
}
