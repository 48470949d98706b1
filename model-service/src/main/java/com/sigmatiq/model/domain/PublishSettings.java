package com.sigmatiq.model.domain;

/**
 * The seed's {@code publish_settings} (6.1), validated.
 *
 * @param alertFrequency         as the user wrote it ({@code 5_minutes}, {@code 5m}, …); equals the model's timeframe
 * @param maxAlertsPerDay        BUY alerts per session at most, 1..{@link PublicationRequestValidator#MAX_ALERTS_PER_DAY}
 * @param paperTradeDurationDays trading sessions of paper trading; null when not paper-trading first
 */
public record PublishSettings(String name, String description, String alertFrequency, int maxAlertsPerDay,
                              boolean paperTradeFirst, Integer paperTradeDurationDays) {
}
