/**
 * Market-data events: {@link com.sigmatiq.contracts.marketdata.BarClosed} on
 * {@code market.bars.<timeframe>} ({@link com.sigmatiq.contracts.Topics#MARKET_BARS_1M} and its siblings), keyed by
 * ticker.
 */
package com.sigmatiq.contracts.marketdata;
