package com.sigmatiq.ml;

import java.util.Locale;

/**
 * How a meta-labelling model is validated and calibrated (the seed's {@code training_params} plus what DESIGN §6
 * adds beyond it).
 *
 * @param validation       time-ordered split, optionally with purged K-fold cross-validation on the training part
 * @param testSize         share of the samples, newest first, held out for validation: (0, 0.5]
 * @param calibration      Platt scaling on the booster's margin, or none
 * @param calibrationShare share of the purged training samples, newest first, that fit the calibration and not the
 *                         booster (ignored without calibration)
 * @param folds            K of purged K-fold
 * @param embargoShare     share of the samples embargoed after each test fold of purged K-fold
 */
public record TrainingSettings(ValidationMethod validation, double testSize, Calibration calibration,
                               double calibrationShare, int folds, double embargoShare) {

    public static final double DEFAULT_TEST_SIZE = 0.2;
    public static final double DEFAULT_CALIBRATION_SHARE = 0.2;
    public static final int DEFAULT_FOLDS = 5;
    public static final double DEFAULT_EMBARGO_SHARE = 0.01;

    /** {@code validation_method}. */
    public enum ValidationMethod {
        TIME_SERIES_SPLIT, PURGED_KFOLD;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code calibration}. */
    public enum Calibration {
        SIGMOID, NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TrainingSettings {
        if (!(testSize > 0 && testSize <= 0.5)) {
            throw new IllegalArgumentException("test_size must be above 0 and at most 0.5, got " + testSize);
        }
        if (!(calibrationShare > 0 && calibrationShare < 1)) {
            throw new IllegalArgumentException("the calibration share must be in (0, 1), got " + calibrationShare);
        }
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("folds must be 2 to 20, got " + folds);
        }
        if (!(embargoShare >= 0 && embargoShare < 0.5)) {
            throw new IllegalArgumentException("the embargo share must be in [0, 0.5), got " + embargoShare);
        }
    }

    /** The seed's {@code training_params}: time-series split, test size 0.2, sigmoid calibration. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(ValidationMethod.TIME_SERIES_SPLIT, DEFAULT_TEST_SIZE, Calibration.SIGMOID,
                DEFAULT_CALIBRATION_SHARE, DEFAULT_FOLDS, DEFAULT_EMBARGO_SHARE);
    }

    public TrainingSettings withTestSize(double size) {
        return new TrainingSettings(validation, size, calibration, calibrationShare, folds, embargoShare);
    }

    public TrainingSettings withCalibration(Calibration c) {
        return new TrainingSettings(validation, testSize, c, calibrationShare, folds, embargoShare);
    }

    public TrainingSettings withValidation(ValidationMethod v) {
        return new TrainingSettings(v, testSize, calibration, calibrationShare, folds, embargoShare);
    }
}
