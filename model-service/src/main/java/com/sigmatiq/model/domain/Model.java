package com.sigmatiq.model.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user's model: the validated choices of a create request, pinned to one pack version, with its
 * effective configuration (seed section 2.2) and lifecycle status.
 *
 * @param ownerId            the owner's user id (JWT subject)
 * @param id                 the model id, unique per owner
 * @param parameterOverrides the overrides as given (percent as written: 6 = 6%), in order
 * @param config             the effective configuration, key order as the seed's section 2.2
 * @param createdAt          UTC, whole seconds
 */
public record Model(String ownerId, String id, String packId, String packVersion, String name, String description,
                    String instrument, String ticker, String timeframe, String strategyId,
                    List<String> selectedIndicators, List<String> selectedFeatures, String riskProfile,
                    Map<String, Object> parameterOverrides, Map<String, Object> config, ModelStatus status,
                    Instant createdAt, Instant updatedAt) {

    public Model withStatus(ModelStatus next, Instant at) {
        return new Model(ownerId, id, packId, packVersion, name, description, instrument, ticker, timeframe, strategyId,
                selectedIndicators, selectedFeatures, riskProfile, parameterOverrides, config, next, createdAt, at);
    }
}
