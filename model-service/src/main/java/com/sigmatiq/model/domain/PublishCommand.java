package com.sigmatiq.model.domain;

/**
 * A publish request as received (seed 6.1's {@code publish_request} plus {@code paper_equity} and {@code feed});
 * {@link PublicationRequestValidator} checks it.
 *
 * @param ownerId                the caller (JWT subject)
 * @param paperTradeFirst        null = true
 * @param paperEquity            null = {@link PublicationRequestValidator#DEFAULT_PAPER_EQUITY}
 * @param feed                   null or {@code "live"} for the live feed, {@code {"replay_id": "<id>"}} (a map) for a
 *                               replay; anything else is refused
 * @param recommendationRules    null, or a map of the paper recommendation's rules to set (checked by name and range)
 */
public record PublishCommand(String ownerId, String trainedModelId, boolean settingsGiven, String name, String description,
                             String alertFrequency, Integer maxAlertsPerDay, Boolean paperTradeFirst,
                             Integer paperTradeDurationDays, Double paperEquity, Object feed, Object recommendationRules) {
}
