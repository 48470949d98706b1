package com.sigmatiq.training.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model trained on and its pack (model-service and pack-service, with the caller's token). */
public interface ModelSource {

    /** The caller's model, or empty when there is none (or it is another user's). */
    Optional<ModelInfo> model(String modelId, String bearerToken);

    /** The files of a pack version (file name → YAML text). */
    Map<String, String> packFiles(String packId, String version, String bearerToken);

    /**
     * What training needs of a model ({@code GET /models/{id}}).
     *
     * @param selectedIndicators the indicators whose outputs are features (null = all)
     * @param selectedFeatures   the features (null = all)
     */
    record ModelInfo(String id, String packId, String packVersion, String ticker, String timeframe, String strategyId,
                     List<String> selectedIndicators, List<String> selectedFeatures, String status) {
    }
}
