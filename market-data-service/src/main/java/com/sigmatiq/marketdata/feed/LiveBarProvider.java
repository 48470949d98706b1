package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.Timeframe;

import java.util.Set;

/**
 * The adapter a real market-data vendor implements (a WebSocket or FIX client): it delivers each <em>closed</em> bar
 * of the subscribed tickers, per ticker in start order. {@link LiveFeed} stores the bars, publishes them and builds
 * the larger timeframes. Declare one as a Spring bean to enable the live feed; none is bundled.
 */
public interface LiveBarProvider {

    /** Bar size the vendor delivers (usually 1m). */
    Timeframe timeframe();

    /** Starts delivering bars of these tickers to {@code sink}, from any thread. */
    void subscribe(Set<String> tickers, Sink sink);

    /** Stops delivering; no {@link Sink#onBar} call after it returns. */
    void close();

    /** Receiver of closed bars. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param startMs bar start, epoch ms UTC
         * @param volume  NaN when the instrument has none
         */
        void onBar(String ticker, long startMs, double open, double high, double low, double close, double volume);
    }
}
