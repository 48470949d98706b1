/**
 * sim-service (DESIGN §7 "Paper trading", seed steps 7.3–7.4): one paper account per paper-trading published model,
 * filled from its alerts and its feed's bars by the engine's position code, so that paper equals the backtest to the
 * cent; performance, reconciliation with the backtest and a recommendation at the end of the period. Layers:
 * {@code web} → {@code domain} ← {@code persistence}, {@code messaging}, {@code client}.
 */
package com.sigmatiq.sim;
