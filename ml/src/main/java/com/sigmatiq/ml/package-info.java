/**
 * Meta-labelling with XGBoost (DESIGN §6): the strategy's rules propose candidate entries, a booster learns which of
 * them to take.
 *
 * <p>{@link com.sigmatiq.ml.MetaLabelTrainer} is the method in one place (the engine's dataset, a purged time split
 * with a calibration part, a seeded booster, {@link com.sigmatiq.ml.PlattCalibration}, metrics, importance and the
 * validation backtest; {@link com.sigmatiq.ml.PurgedKFold} beyond the seed), and {@link com.sigmatiq.ml.TrainedModel}
 * the one prediction component: artifacts and a feature vector in, a calibrated probability out, and the engine's
 * {@code ConfidenceModel} hook for backtests, alerts and paper trading. {@link com.sigmatiq.ml.TrainingReport} is the
 * result's shape for the service and the command line alike. No Spring, no I/O but reading and writing a model's
 * directory.
 */
package com.sigmatiq.ml;
