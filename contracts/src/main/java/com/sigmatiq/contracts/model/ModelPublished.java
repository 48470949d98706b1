package com.sigmatiq.contracts.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * A trained model was published (envelope type {@value #TYPE}; subject = the published id, owner = the user; key = the
 * published id). Carries everything the alert runtime needs, frozen at publication: the trained model's configuration
 * and the publish settings. The publication's later moves are {@link PublicationStatusChanged}.
 *
 * @param publishedId            the publication, {@code pub_…}
 * @param modelId                the model the trained model belongs to
 * @param trainedModelId         the trained model (training-service), e.g. {@code spy_swing_momentum_v1_trained_001}
 * @param comboId                the sweep combination it was trained on
 * @param ticker                 e.g. {@code SPY}
 * @param timeframe              the model's bar size, e.g. {@code 5m} (the alert frequency equals it)
 * @param effectiveConfig        the combination's effective strategy configuration (engine {@code StrategyConfig} keys)
 * @param name                   the publication's display name
 * @param maxAlertsPerDay        BUY alerts per session at most, at least 1
 * @param paperTradeFirst        whether it paper-trades before going live
 * @param paperTradeDurationDays trading sessions of paper trading; null when not paper-trading first
 * @param paperEquity            starting equity of the paper account, in dollars (default 50,000)
 * @param feed                   {@code live} or {@code replay}
 * @param replayId               the replay it follows when {@code feed} is {@code replay}, else null
 * @param status                 {@code paper_trading} or {@code alerting}
 * @param publishedAt            when it was published
 * @param recommendationRules    the paper recommendation's rules this publication sets (by snake_case name, e.g.
 *                               {@code min_trades}); absent ones take the simulator's defaults; null or empty for none
 */
public record ModelPublished(
        @JsonProperty("published_id") String publishedId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("trained_model_id") String trainedModelId,
        @JsonProperty("combo_id") long comboId,
        @JsonProperty("ticker") String ticker,
        @JsonProperty("timeframe") String timeframe,
        @JsonProperty("pack_id") String packId,
        @JsonProperty("pack_version") String packVersion,
        @JsonProperty("strategy_id") String strategyId,
        @JsonProperty("effective_config") Map<String, Object> effectiveConfig,
        @JsonProperty("name") String name,
        @JsonProperty("max_alerts_per_day") int maxAlertsPerDay,
        @JsonProperty("paper_trade_first") boolean paperTradeFirst,
        @JsonProperty("paper_trade_duration_days") Integer paperTradeDurationDays,
        @JsonProperty("paper_equity") double paperEquity,
        @JsonProperty("feed") String feed,
        @JsonProperty("replay_id") String replayId,
        @JsonProperty("status") String status,
        @JsonProperty("published_at") Instant publishedAt,
        @JsonProperty("recommendation_rules") Map<String, Double> recommendationRules) {

    public static final String TYPE = "model.published";
    /** {@link #feed()} of a publication on the live bars. */
    public static final String FEED_LIVE = "live";
    /** {@link #feed()} of a publication attached to one replay ({@link #replayId()}). */
    public static final String FEED_REPLAY = "replay";
}
