package com.sigmatiq.model.domain;

import java.util.Map;

/**
 * The seed's {@code publish_settings} (6.1), validated.
 *
 * @param alertFrequency         as the user wrote it ({@code 5_minutes}, {@code 5m}, …); equals the model's timeframe
 * @param maxAlertsPerDay        BUY alerts per session at most, 1..{@link PublicationRequestValidator#MAX_ALERTS_PER_DAY}
 * @param paperTradeDurationDays trading sessions of paper trading; null when not paper-trading first
 * @param recommendationRules    the paper recommendation's rules the user sets (by snake_case name; sim-service's
 *                               defaults for the others, docs/paper.md); empty when none
 */
public record PublishSettings(String name, String description, String alertFrequency, int maxAlertsPerDay,
                              boolean paperTradeFirst, Integer paperTradeDurationDays, Map<String, Double> recommendationRules) {

    public PublishSettings {
        recommendationRules = recommendationRules == null ? Map.of() : Map.copyOf(recommendationRules);
    }
}
