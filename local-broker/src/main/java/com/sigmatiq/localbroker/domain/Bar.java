package com.sigmatiq.localbroker.domain;

import java.time.Instant;

/**
 * A closed bar of one feed.
 *
 * @param feed      {@code live} or the replay's id
 * @param timeframe e.g. {@code 5m}
 */
public record Bar(String feed, String symbol, String timeframe, Instant start, double open, double high, double low,
                  double close) {

    /** The stream the bar belongs to, per symbol: bars of one stream arrive in start order. */
    String stream() {
        return feed + "|" + timeframe;
    }
}
