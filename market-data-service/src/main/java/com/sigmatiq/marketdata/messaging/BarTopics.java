package com.sigmatiq.marketdata.messaging;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.engine.data.Timeframe;

/**
 * Bar topics: {@code market.bars.<timeframe>} ({@code market.bars.1m}, {@code market.bars.5m}, …), key = ticker, so
 * that one ticker's bars of one timeframe stay in one partition, in order. (Issue 5 names the topic per timeframe;
 * {@link Topics#MARKET_BARS_PREFIX}'s Javadoc still shows a per-ticker name.)
 */
public final class BarTopics {

    private BarTopics() {
    }

    public static String topic(Timeframe timeframe) {
        return Topics.MARKET_BARS_PREFIX + timeframe.label();
    }
}
