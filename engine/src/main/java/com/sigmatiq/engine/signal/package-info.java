/**
 * Strategy signals (DESIGN section 4): per bar, the entry score (weighted share of entry lines that
 * hold), whether the bar's exchange-local start hour is allowed (regular session only; daily bars
 * ignore hours), whether the rules are past their warm-up (features expanded to their indicator
 * inputs), and the exit signal. {@link com.sigmatiq.engine.signal.ColumnPlan} decides which
 * indicators and features a set of names needs; {@link com.sigmatiq.engine.signal.SignalEngine} runs
 * a compiled strategy over a whole series or one bar at a time, with identical results.
 */
package com.sigmatiq.engine.signal;
