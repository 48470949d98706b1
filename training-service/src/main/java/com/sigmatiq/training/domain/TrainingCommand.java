package com.sigmatiq.training.domain;

import java.util.List;

/**
 * A training request (seed 5.1 {@code training_selection} plus what goes beyond it). Null means "the default".
 *
 * @param modelId          the model whose sweep the configurations come from
 * @param sweepId          the sweep (default: the model's latest completed one)
 * @param selected         the configurations to train, one job each
 * @param algorithm        {@code xgboost}
 * @param validationMethod {@code time_series_split} or {@code purged_kfold}
 * @param testSize         share of the samples held out for validation, (0, 0.5]
 * @param calibration      {@code sigmoid} or {@code none}
 * @param hyperparameters  the seed's names; null fields take the seed's defaults
 * @param candidateFloor   least entry score of a candidate, [0, 1] (default 0.5)
 */
public record TrainingCommand(String modelId, String sweepId, List<SelectedConfig> selected, String algorithm,
                              String validationMethod, Double testSize, String calibration,
                              HyperparameterChoice hyperparameters, Double candidateFloor) {

    /** The seed's hyperparameter names; null = default. */
    public record HyperparameterChoice(Integer nEstimators, Integer maxDepth, Double learningRate, Double subsample,
                                       Double colsampleBytree) {
    }
}
