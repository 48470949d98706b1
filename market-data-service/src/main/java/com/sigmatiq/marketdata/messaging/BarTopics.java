package com.sigmatiq.marketdata.messaging;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.engine.data.Timeframe;

/**
 * Bar topics: {@code market.bars.<timeframe>} ({@link Topics#MARKET_BARS_1M}, {@link Topics#MARKET_BARS_5M}, …), key =
 * ticker, so that one ticker's bars of one timeframe stay in one partition, in order.
 */
public final class BarTopics {

    private BarTopics() {
    }

    public static String topic(Timeframe timeframe) {
        return Topics.MARKET_BARS_PREFIX + timeframe.label();
    }
}
