package com.sigmatiq.ml;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to train: one effective configuration on its bars over a range of sessions.
 *
 * @param config             the effective configuration (pack, strategy, parameters, threshold, risk)
 * @param bars               every bar there is: those before {@code start} warm indicators up, those after
 *                           {@code end} carry the last trades to their exits
 * @param start              first session of the range (null = the first bar's)
 * @param end                last session of the range, inclusive (null = the last bar's)
 * @param candidateFloor     minimum entry score of a candidate (DESIGN §6 default 0.5)
 * @param selectedIndicators the model's indicators whose outputs are features (null = all of the pack's)
 * @param selectedFeatures   the model's features (null = all of the pack's)
 * @param settings           validation and calibration
 * @param hyperparameters    the booster's settings
 */
public record TrainingRequest(StrategyConfig config, BarSeries bars, LocalDate start, LocalDate end,
                              double candidateFloor, List<String> selectedIndicators, List<String> selectedFeatures,
                              TrainingSettings settings, Hyperparameters hyperparameters) {

    public static final double DEFAULT_CANDIDATE_FLOOR = 0.5;

    public TrainingRequest {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        if (!(candidateFloor >= 0 && candidateFloor <= 1)) {
            throw new IllegalArgumentException("candidate_floor must be in [0, 1], got " + candidateFloor);
        }
    }

    /** The seed's defaults for {@code config} on {@code bars}, over all of them. */
    public static TrainingRequest of(StrategyConfig config, BarSeries bars) {
        return new TrainingRequest(config, bars, null, null, DEFAULT_CANDIDATE_FLOOR, null, null,
                TrainingSettings.defaults(), Hyperparameters.defaults());
    }

    public TrainingRequest withRange(LocalDate from, LocalDate to) {
        return new TrainingRequest(config, bars, from, to, candidateFloor, selectedIndicators, selectedFeatures, settings,
                hyperparameters);
    }

    public TrainingRequest withSettings(TrainingSettings s) {
        return new TrainingRequest(config, bars, start, end, candidateFloor, selectedIndicators, selectedFeatures, s,
                hyperparameters);
    }

    public TrainingRequest withHyperparameters(Hyperparameters h) {
        return new TrainingRequest(config, bars, start, end, candidateFloor, selectedIndicators, selectedFeatures, settings, h);
    }

    public TrainingRequest withCandidateFloor(double floor) {
        return new TrainingRequest(config, bars, start, end, floor, selectedIndicators, selectedFeatures, settings,
                hyperparameters);
    }
}
