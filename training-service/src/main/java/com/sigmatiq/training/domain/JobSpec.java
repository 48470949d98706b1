package com.sigmatiq.training.domain;

import com.sigmatiq.ml.Hyperparameters;
import java.time.LocalDate;
import java.util.List;

/**
 * What a job trains, fixed when it is created: the model's pack, strategy and data, the sweep's range, and the
 * training settings.
 *
 * @param rangeStart         first session (the sweep's date range)
 * @param rangeEnd           last session, inclusive
 * @param selectedIndicators the model's selection, null = all of the pack's
 * @param selectedFeatures   the model's selection, null = all of the pack's
 */
public record JobSpec(String packId, String packVersion, String strategyId, String ticker, String timeframe,
                      LocalDate rangeStart, LocalDate rangeEnd, List<String> selectedIndicators,
                      List<String> selectedFeatures, String validationMethod, double testSize, String calibration,
                      double candidateFloor, Hyperparameters hyperparameters) {
}
