package com.sigmatiq.model.domain;

import java.util.Optional;

/** Where completed trained models come from (training-service); the caller's identity travels with the request. */
public interface TrainedModels {

    /**
     * The caller's completed trained model, or empty if the caller has none of this id (unknown, another user's or
     * not trained yet: training-service answers 404 to all three).
     *
     * @throws TrainingUnavailableException when training-service cannot answer
     */
    Optional<TrainedModel> find(String trainedModelId);
}
