/**
 * Bars as columns ({@link com.sigmatiq.engine.data.BarSeries}: bar start times in epoch ms UTC and
 * OHLCV arrays), the CSV reader for the bundled layouts, and the exchange clock
 * ({@link com.sigmatiq.engine.data.SessionClock}: session, local hour and regular-session flag of
 * every bar, computed once).
 */
package com.sigmatiq.engine.data;
