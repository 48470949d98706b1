/**
 * Bars as columns ({@link com.sigmatiq.engine.data.BarSeries}: bar start times in epoch ms UTC and
 * OHLCV arrays), the CSV reader for the bundled layouts, the exchange calendar
 * ({@link com.sigmatiq.engine.data.ExchangeCalendar}: NYSE holidays and early closes), the exchange clock
 * ({@link com.sigmatiq.engine.data.SessionClock}: session, local hour, regular-session flag and session-closing
 * bar of every bar, with a streaming cursor) and resampling ({@link com.sigmatiq.engine.data.BarResampler}).
 */
package com.sigmatiq.engine.data;
