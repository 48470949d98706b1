/**
 * Gate verdicts of DESIGN §4 "Gates": a pack's gates ({@link com.sigmatiq.engine.gate.GateThresholds}),
 * overridden by a sweep's {@code quality_gates}, judged against what a backtest and its bars can tell
 * ({@link com.sigmatiq.engine.gate.GateInputs}) into a verdict shaped as the seed's {@code gate_results}.
 *
 * <h2>Measures and conventions</h2>
 * <ul>
 *   <li>{@code max_drawdown} (from {@code max_drawdown_pct}) and {@code min_win_rate} are reported as
 *       fractions, as in the seed; {@code max_spread_pct}, {@code max_position_size_pct} and
 *       {@code max_var_95} in percent; the others in their own units.</li>
 *   <li>{@code min_volume}: mean over the range's sessions of each session's total bar volume (all bars,
 *       extended hours included).</li>
 *   <li>{@code max_spread_pct}: {@link com.sigmatiq.engine.gate.CorwinSchultz} over each session's high and
 *       low taken from its regular-session bars in the range; negative two-day estimates count as 0.</li>
 *   <li>{@code max_slippage_bps}: the modelled slippage of the configuration.</li>
 *   <li>{@code max_position_size_pct}: the largest fraction of equity any trade invested (0 without trades).</li>
 *   <li>{@code max_var_95}: {@link com.sigmatiq.engine.gate.HistoricalVar} — the ⌈0.05·n⌉-th smallest daily
 *       return, negated (flat days included, as in the metrics).</li>
 *   <li>{@code max_correlation}: the highest Pearson correlation of daily returns, on common session dates,
 *       with the user's other published models, which the caller passes as
 *       {@link com.sigmatiq.engine.gate.ReturnCurve}s. With none (or none overlapping in two sessions with
 *       non-zero variance) the check passes with actual null: there is nothing to be correlated with.</li>
 *   <li>Any other check whose actual cannot be measured fails with actual null.</li>
 * </ul>
 */
package com.sigmatiq.engine.gate;
