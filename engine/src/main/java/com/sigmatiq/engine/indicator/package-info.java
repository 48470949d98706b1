/**
 * Technical indicators as kernels over {@code double[]} columns, each with a streaming twin.
 *
 * <p>{@link com.sigmatiq.engine.indicator.IndicatorKind} is the catalog (parameters, outputs,
 * warm-up); {@link com.sigmatiq.engine.indicator.Indicators} computes any kind in batch or returns a
 * {@link com.sigmatiq.engine.indicator.StreamingIndicator}. Each per-kind class ({@code RsiIndicator},
 * {@code MacdIndicator}, ...) holds a static batch kernel and the streaming state, written with the same
 * operations in the same order, so a value fed bar by bar is bit-identical to the batch value.
 *
 * <p>Semantics are TA-Lib 0.6.0's with default settings (unstable period 0): seeding, arithmetic order,
 * NaN before each output's lookback, and TA-Lib's answer for zero denominators. Batch kernels allocate
 * nothing per bar; streaming {@code update} allocates nothing at all.
 */
package com.sigmatiq.engine.indicator;
