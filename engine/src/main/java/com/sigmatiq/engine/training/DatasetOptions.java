package com.sigmatiq.engine.training;

import java.util.List;

/**
 * How a {@link TrainingDataset} is cut from a configuration's candidate entries.
 *
 * @param candidateFloor     minimum entry score for a decision bar to be a sample, in [0, 1] (DESIGN §6 default 0.5);
 *                           independent of the configuration's {@code threshold}
 * @param testSize           share of the samples, newest first, that are {@code validation}, in [0, 1)
 *                           (the seed's {@code test_size}, default 0.2); 0 keeps every sample for training
 * @param selectedIndicators the model's indicator ids (the seed's {@code selected_indicators}) whose outputs are
 *                           features; null = every indicator of the pack
 * @param selectedFeatures   the model's feature ids (the seed's {@code selected_features}); null = every feature of
 *                           the pack
 */
public record DatasetOptions(double candidateFloor, double testSize, List<String> selectedIndicators,
                             List<String> selectedFeatures) {

    public static final double DEFAULT_CANDIDATE_FLOOR = 0.5;
    public static final double DEFAULT_TEST_SIZE = 0.2;

    public DatasetOptions {
        if (!(candidateFloor >= 0 && candidateFloor <= 1)) {
            throw new IllegalArgumentException("candidate floor must be in [0, 1], got " + candidateFloor);
        }
        if (!(testSize >= 0 && testSize < 1)) {
            throw new IllegalArgumentException("test_size must be in [0, 1), got " + testSize);
        }
        selectedIndicators = selectedIndicators == null ? null : List.copyOf(selectedIndicators);
        selectedFeatures = selectedFeatures == null ? null : List.copyOf(selectedFeatures);
    }

    /** Floor 0.5, test size 0.2, every indicator output and feature of the pack. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_CANDIDATE_FLOOR, DEFAULT_TEST_SIZE, null, null);
    }

    public DatasetOptions withCandidateFloor(double floor) {
        return new DatasetOptions(floor, testSize, selectedIndicators, selectedFeatures);
    }

    public DatasetOptions withTestSize(double size) {
        return new DatasetOptions(candidateFloor, size, selectedIndicators, selectedFeatures);
    }

    /** A copy with the model's selection (null = all of the pack's). */
    public DatasetOptions withSelection(List<String> indicators, List<String> features) {
        return new DatasetOptions(candidateFloor, testSize, indicators, features);
    }
}
