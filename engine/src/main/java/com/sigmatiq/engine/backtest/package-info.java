/**
 * DESIGN §4's trading of one strategy on one long-only instrument, in one place for every driver: the backtest, the
 * sweep, the trainer, alerts, paper and live trading.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link com.sigmatiq.engine.backtest.StrategyEvaluator} — the one evaluator: a closed bar in, a
 *       {@link com.sigmatiq.engine.backtest.Decision} out (enter at the next open, an exit with its reason and price,
 *       hold, wait). It owns the order of events below, the position, sizing, cash and equity, and asks a
 *       {@link com.sigmatiq.engine.signal.ConfidenceModel} for an entry's confidence. Streaming (it computes its own
 *       indicators, features and rules bar by bar, warmed up on history, its state saved and restored) or column-fed
 *       (signals computed in batch, for speed); one decision code path either way.</li>
 *   <li>{@link com.sigmatiq.engine.backtest.NextOpenFillModel} — fill prices with slippage, commissions;</li>
 *   <li>{@link com.sigmatiq.engine.backtest.PositionState} — the exit state machine, stepped once per bar;</li>
 *   <li>{@link com.sigmatiq.engine.backtest.PositionSizer} — fixed or half-Kelly size at the deciding close;</li>
 *   <li>{@link com.sigmatiq.engine.backtest.Backtester} — the batch driver: a loop of the column-fed evaluator over a
 *       range, its decisions kept by {@link com.sigmatiq.engine.backtest.BacktestRecorder} (trades, daily equity,
 *       metrics), which a streaming driver uses the same way;</li>
 *   <li>{@link com.sigmatiq.engine.backtest.TradePath} and {@link com.sigmatiq.engine.backtest.Accounting} — the
 *       sweep's fast path: the trade path jumps from one entry candidate to the next while flat and books every sizing
 *       in O(trades + sessions). Built from the same {@code PositionState} and {@code NextOpenFillModel}; proved equal
 *       to the evaluator (trades, daily equity, metrics) by {@code EvaluatorEquivalenceTest}.</li>
 * </ul>
 *
 * <h2>Order of events, per bar t of the range [from, to)</h2>
 * <ol>
 *   <li>An entry decided at t − 1's close fills at t's open (buy slippage); stop = fill × (1 − stop),
 *       target = fill × (1 + tp), peak = fill; commission is paid on top of the invested amount.</li>
 *   <li>In a position: a rule exit decided at t − 1's close fills at t's open (reason {@code exit_signal},
 *       even when the open also gaps through a level); else, except on the entry bar, open ≤ stop exits at
 *       the open, else open ≥ target exits at the open; else low ≤ stop exits at the stop (winning over the
 *       target in the same bar), else high ≥ target exits at the target; else peak = max(peak, high) and a
 *       trailing stop raises the stop to peak × (1 − trailing) for bar t + 1 on; at the close the time stop
 *       (last bar of the {@code time_stop_days}-th session, the entry's counting as the first) exits at the
 *       close, then on the last bar {@code end_of_data} exits at the close, else an exit signal is
 *       remembered for t + 1's open. A stop hit after the trailing stop raised it is {@code trailing_stop}.</li>
 *   <li>Equity = cash + shares × close. A session's daily equity is the equity at the last bar the data holds of it
 *       in the range (each bar writes its session's slot; the last write wins).</li>
 *   <li>Flat at t's close (after an exit inside bar t, at its close, or a rule exit filled at its open),
 *       t &lt; to − 1, the entry eligible (warm-up done, hour allowed, no exit line holds) and the confidence ≥ the
 *       threshold: an entry is decided, sized as a fraction of this close's equity (whole shares: floor(amount / this
 *       close), no entry below one share).</li>
 * </ol>
 *
 * <h2>Conventions where DESIGN is silent</h2>
 * <ul>
 *   <li>Sell fills pay slippage on every exit price, including stop and target levels (a stop at 92 fills
 *       at 92 × (1 − bps/10⁴)).</li>
 *   <li>No cash check: with a 100% size the commission can take cash slightly below 0. An entry whose
 *       amount is not positive (equity ≤ 0) is not taken.</li>
 *   <li>The range's sessions are those of bars from … to − 1; a session cut by {@code to} (or by
 *       {@code from}) contributes its bars inside the range, its daily equity taken at its last bar in range.</li>
 *   <li>Trading sessions for the time stop are the sessions present in the data (SessionClock indices); it acts at
 *       the close of the bar that closes a session by the calendar ({@code SessionClock.isSessionLastBar}, known in
 *       advance), so in a session whose closing bar is missing it acts at the next closing bar.</li>
 *   <li>{@code Trade.entryTime/exitTime} are the start times of the fill bars; {@code commission} is both
 *       orders'; {@code sizeFraction} is the fraction of equity invested, for the position-size gate.</li>
 *   <li>Kelly sizing: W counts trades with return &gt; 0 over all closed trades (a 0 return is neither
 *       winner nor loser); R uses mean trade returns; with losers but no winner the Kelly fraction is −∞,
 *       so the size is {@code minFraction}.</li>
 *   <li>The threshold comparison is exact ({@code confidence ≥ threshold}); NaN confidence never enters.</li>
 *   <li>{@link com.sigmatiq.engine.backtest.BacktestResult#metrics()} carries the deflated Sharpe with N = 1
 *       (the probabilistic Sharpe ratio); a sweep replaces it once all trials are known.</li>
 * </ul>
 */
package com.sigmatiq.engine.backtest;
