package com.sigmatiq.model.domain;

import java.util.Map;
import java.util.Objects;

/**
 * What a publication freezes of a completed trained model (training-service's {@code GET /training/trained-models/{id}}):
 * enough for the alert runtime to rebuild the strategy without asking again.
 *
 * @param id              the trained model id, e.g. {@code spy_swing_momentum_v1_trained_001}
 * @param modelId         the model it was trained for
 * @param comboId         the sweep combination it was trained on
 * @param timeframe       the model's bar size label ({@code 1m 5m 15m 1h 1d})
 * @param effectiveConfig the combination's effective strategy configuration (engine {@code StrategyConfig} keys), in
 *                        the order training-service wrote it
 */
public record TrainedModel(String id, String modelId, long comboId, String ticker, String timeframe, String packId,
                           String packVersion, String strategyId, Map<String, Object> effectiveConfig) {

    public TrainedModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        effectiveConfig = effectiveConfig == null ? Map.of() : effectiveConfig;
    }
}
