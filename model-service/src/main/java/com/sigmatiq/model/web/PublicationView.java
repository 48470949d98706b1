package com.sigmatiq.model.web;

import com.sigmatiq.model.domain.Publication;
import com.sigmatiq.model.domain.PublicationService;
import com.sigmatiq.model.domain.PublicationStatus;
import com.sigmatiq.model.domain.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A publication as {@code GET /published-models/{id}} shows it.
 *
 * @param allowedTransitions the statuses it may move to from here
 * @param allowedActions     the actions it accepts ({@code pause}, {@code resume}, {@code retire})
 * @param feed               {@code "live"} or {@code {"replay_id": "<id>"}}, as the request wrote it
 * @param trainedModel       what it runs, frozen at publication
 * @param history            status changes, oldest first
 * @param paperRecommendation sim-service's recommendation at the end of the paper period, null before
 */
public record PublicationView(String id, String modelId, String trainedModelId, String status, String pausedFrom,
                              List<String> allowedTransitions, List<String> allowedActions, Settings publishSettings,
                              double paperEquity, Object feed, Frozen trainedModel, Instant paperTradeStart,
                              Instant paperTradeEnd, Instant liveDate, Instant publishedAt, Instant updatedAt,
                              List<Change> history, String paperRecommendation) {

    /** The seed's {@code publish_settings} as stored. */
    public record Settings(String name, String description, String alertFrequency, int maxAlertsPerDay,
                           boolean paperTradeFirst, Integer paperTradeDurationDays, Map<String, Double> recommendationRules) {
    }

    public record Frozen(long comboId, String ticker, String timeframe, String packId, String packVersion, String strategyId,
                         Map<String, Object> effectiveConfig) {
    }

    public record Change(String from, String to, Instant at, String reason) {
    }

    static PublicationView of(Publication p) {
        var s = p.settings();
        var t = p.trainedModel();
        return new PublicationView(p.id(), t.modelId(), t.id(), p.status().label(),
                p.pausedFrom() == null ? null : p.pausedFrom().label(),
                p.allowedTransitions().stream().map(PublicationStatus::label).toList(),
                PublicationService.allowedActions(p).stream().map(PublicationService.Action::label).toList(),
                new Settings(s.name(), s.description(), s.alertFrequency(), s.maxAlertsPerDay(), s.paperTradeFirst(),
                        s.paperTradeDurationDays(), s.recommendationRules()),
                p.paperEquity(), p.feed().isLive() ? "live" : Map.of("replay_id", p.feed().replayId()),
                new Frozen(t.comboId(), t.ticker(), t.timeframe(), t.packId(), t.packVersion(), t.strategyId(), t.effectiveConfig()),
                p.paperTradeStart(), p.paperTradeEnd(), p.liveDate(), p.publishedAt(), p.updatedAt(),
                p.history().stream().map(PublicationView::change).toList(), p.paperRecommendation());
    }

    private static Change change(StatusChange c) {
        return new Change(c.from() == null ? null : c.from().label(), c.to().label(), c.at(), c.reason());
    }
}
