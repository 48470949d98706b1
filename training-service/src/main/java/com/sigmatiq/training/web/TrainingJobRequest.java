package com.sigmatiq.training.web;

import com.sigmatiq.kit.web.validation.SafeId;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;

/**
 * The seed's {@code training_selection} (5.1) unchanged, plus optional {@code sweep_id} (default: the model's latest
 * completed sweep), {@code hyperparameters} (seed 5.2's names and defaults) and {@code candidate_floor}.
 * {@code model_id} and {@code sweep_id} are checked ({@link SafeId}) before other services are asked for them.
 */
public record TrainingJobRequest(@SafeId String modelId, @SafeId String sweepId,
                                 List<@Valid SelectedConfig> selectedConfigs, TrainingParams trainingParams,
                                 Hyperparameters hyperparameters, Double candidateFloor) {

    /** One ticked leaderboard row: {@code combo_id}, {@code rank}, {@code config}. */
    public record SelectedConfig(Long comboId, Integer rank, Map<String, Object> config) {
    }

    /** {@code algorithm} (xgboost), {@code validation_method}, {@code test_size}, {@code calibration}. */
    public record TrainingParams(String algorithm, String validationMethod, Double testSize, String calibration) {
    }

    /** The seed's names; absent ones take the seed's defaults (200, 5, 0.01, 0.8, 0.8). */
    public record Hyperparameters(Integer nEstimators, Integer maxDepth, Double learningRate, Double subsample,
                                  Double colsampleBytree) {
    }
}
