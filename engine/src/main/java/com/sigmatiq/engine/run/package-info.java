/**
 * Running configurations end to end: signals, the simulator, metrics and gate verdicts for one
 * configuration ({@link com.sigmatiq.engine.run.StrategyBacktest}, the batch driver of the
 * {@link com.sigmatiq.engine.backtest.StrategyEvaluator}); sweeps build on it.
 */
package com.sigmatiq.engine.run;
