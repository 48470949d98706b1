/**
 * Training datasets for meta-labelling (DESIGN §6): the strategy's rules propose candidate entries, and a classifier
 * learns which of them to take.
 *
 * <p>{@link com.sigmatiq.engine.training.TrainingDataset#build} turns one effective configuration and its bars into
 * columns ready for XGBoost: per sample (candidate decision bar) its entry and exit bars, times, fill prices, exit
 * reason, net return, 0/1 label and {@link com.sigmatiq.engine.training.Split}, and the feature matrix as one
 * row-major {@code float[]} in the order of the {@link com.sigmatiq.engine.training.FeatureSchema}. Each label's
 * trade is stepped by the backtest's own position code ({@code backtest.PositionState},
 * {@code backtest.NextOpenFillModel}), so it is the backtest's trade whenever the backtest takes that entry.
 * {@link com.sigmatiq.engine.training.DatasetOptions} holds the candidate floor, the test size and the model's
 * selection of indicators and features.
 *
 * <p>A training service calls, for example:
 * <pre>{@code
 * TrainingDataset d = TrainingDataset.build(config, bars, start, end, DatasetOptions.defaults().withTestSize(0.2));
 * int[] train = d.rows(Split.TRAIN);
 * float[] x = d.features(train);   // train.length × d.featureCount(), row-major, NaN = missing
 * float[] y = d.labels(train);
 * }</pre>
 *
 * <p>Building is one pass of the signal layer (one column plan for the rules and the schema's names), one indexed
 * pass over the candidate bars, and one trade walk per candidate with a single reused {@code PositionState}; no
 * object per sample or per bar.
 */
package com.sigmatiq.engine.training;
