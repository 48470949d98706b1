/**
 * Strategy signals (DESIGN section 4): per bar, the entry score (weighted share of entry lines that
 * hold), whether the bar's exchange-local start hour is allowed (regular session only; daily bars
 * ignore hours), whether the rules are past their warm-up (features expanded to their inputs), and the
 * exit signal. {@link com.sigmatiq.engine.signal.ColumnPlan} decides which indicators and features a set of
 * names needs; {@link com.sigmatiq.engine.signal.SignalEngine} runs a compiled strategy over a whole series
 * (column by column) or one bar at a time ({@link com.sigmatiq.engine.signal.SignalEngine.Stream}, with its
 * session clock and saved state), with bit-identical values. {@link com.sigmatiq.engine.signal.ConfidenceModel}
 * turns a bar's {@link com.sigmatiq.engine.signal.BarFeatures} into the confidence compared with the threshold:
 * the entry score until a model is trained. The decisions themselves are the
 * {@link com.sigmatiq.engine.backtest.StrategyEvaluator}'s.
 */
package com.sigmatiq.engine.signal;
