/**
 * Sweeps (DESIGN section 5): the grid of combinations ({@link com.sigmatiq.engine.sweep.SweepGrid}), work units that
 * any thread or process may run ({@link com.sigmatiq.engine.sweep.SweepSession}) and the in-process runner
 * ({@link com.sigmatiq.engine.sweep.SweepRunner}). Units take the fast path ({@link com.sigmatiq.engine.backtest.TradePath}
 * and {@link com.sigmatiq.engine.backtest.Accounting}), whose results equal the
 * {@link com.sigmatiq.engine.backtest.StrategyEvaluator}'s on the same bars; the full results of the best combinations
 * are recomputed on the plain path.
 */
package com.sigmatiq.engine.sweep;
