package com.sigmatiq.sweep.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The model a sweep runs on and its pack (model-service and pack-service, with the caller's token). Moving the model to
 * {@code swept} is not asked of it: model-service does that on {@code sweep.completed}.
 */
public interface ModelSource {

    /** The caller's model, or empty when there is none (or it is another user's). */
    Optional<ModelInfo> model(String modelId, String bearerToken);

    /** The files of a pack version (file name → YAML text). */
    Map<String, String> packFiles(String packId, String version, String bearerToken);

    /**
     * What a sweep needs of a model ({@code GET /models/{id}}).
     *
     * @param parameterOverrides the model's overrides, in order: the base configuration under the grid
     */
    record ModelInfo(String id, String packId, String packVersion, String ticker, String timeframe, String strategyId,
                     Map<String, Object> parameterOverrides, String status) {
    }
}
