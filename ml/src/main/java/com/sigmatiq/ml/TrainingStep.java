package com.sigmatiq.ml;

import java.util.Locale;

/** The seed's five steps of a training job (seed 5.2), in the order they run. */
public enum TrainingStep {
    /** The labelled samples: candidates, labels, event spans, the purged split. */
    DATA_PREPARATION,
    /** The feature matrices of the booster's, the calibration's and the validation's samples. */
    FEATURE_ENGINEERING,
    /** Fitting the booster. */
    MODEL_TRAINING,
    /** Out-of-sample margins, and purged K-fold cross-validation when asked for. */
    VALIDATION,
    /** Platt scaling, calibrated metrics, the calibration curve and the validation backtest. */
    CALIBRATION;

    /** As in the seed: {@code data_preparation}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Told when each step starts and ends; called on the training thread. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void started(TrainingStep step) {
        }

        default void finished(TrainingStep step, long nanos) {
        }
    }
}
