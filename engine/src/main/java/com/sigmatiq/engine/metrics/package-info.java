/**
 * Performance metrics of DESIGN §4 from a daily equity curve and closed trades, and the standard normal
 * functions the deflated Sharpe ratio needs. Depends on nothing else of ours (trades come in as arrays),
 * so that {@code backtest → metrics} and {@code gate → backtest, metrics} have no cycle.
 *
 * <h2>Conventions where DESIGN is silent</h2>
 * <ul>
 *   <li>The drawdown's running peak starts at the initial capital (the curve's point before its first
 *       session, as the first daily return is taken against it).</li>
 *   <li>{@code avg_winner} / {@code avg_loser} are null when there are trades but no winner / no loser;
 *       {@code total_trades} is 0, not null, without trades.</li>
 *   <li>{@code deflated_sharpe_ratio} is also null when n &lt; 2 and when the radicand
 *       1 − γ₃·SR + (γ₄ − 1)/4·SR² is not positive; γ = 0.5772156649015329 exactly.</li>
 *   <li>Sample moments are computed in two passes (mean first) for accuracy.</li>
 * </ul>
 */
package com.sigmatiq.engine.metrics;
