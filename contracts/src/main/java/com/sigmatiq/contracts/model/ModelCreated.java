package com.sigmatiq.contracts.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model was created from a pack (envelope type {@value #TYPE}).
 *
 * @param modelId     the model id, e.g. {@code spy_swing_momentum_v1}
 * @param packId      the pack it was created from, e.g. {@code swingsigma}
 * @param packVersion the pack version it is pinned to, e.g. {@code 1.0.0}
 * @param strategyId  the chosen strategy of the pack
 * @param ticker      the instrument, e.g. {@code SPY}
 * @param timeframe   bar timeframe, e.g. {@code 1d}
 */
public record ModelCreated(
        @JsonProperty("model_id") String modelId,
        @JsonProperty("pack_id") String packId,
        @JsonProperty("pack_version") String packVersion,
        @JsonProperty("strategy_id") String strategyId,
        @JsonProperty("ticker") String ticker,
        @JsonProperty("timeframe") String timeframe) {

    public static final String TYPE = "model.created";
}
