package com.sigmatiq.contracts.marketdata;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Payload of {@value #TYPE}: one closed bar, published once to {@code market.bars.<timeframe>}
 * ({@link com.sigmatiq.contracts.Topics#MARKET_BARS_5M} and its siblings) with key {@code ticker}; envelope subject =
 * ticker, no owner. Per ticker and timeframe, bars arrive in start order without repeats.
 *
 * @param ticker    the instrument, e.g. {@code SPY}
 * @param exchange  the exchange's time zone id, e.g. {@code America/New_York}
 * @param timeframe bar timeframe, e.g. {@code 5m}
 * @param start     bar start, UTC
 * @param end       bar end, UTC (for a regular-session daily bar: the session close)
 * @param volume    null when the instrument has none (indexes)
 * @param source    {@code replay} or {@code live}
 * @param replayId  the replay that produced the bar, null for live bars
 * @param sequence  position of the event in its replay's timeline (0-based), or the live feed's counter
 */
public record BarClosed(@JsonProperty("ticker") String ticker,
                        @JsonProperty("exchange") String exchange,
                        @JsonProperty("timeframe") String timeframe,
                        @JsonProperty("start") Instant start,
                        @JsonProperty("end") Instant end,
                        @JsonProperty("open") double open,
                        @JsonProperty("high") double high,
                        @JsonProperty("low") double low,
                        @JsonProperty("close") double close,
                        @JsonProperty("volume") Double volume,
                        @JsonProperty("source") String source,
                        @JsonProperty("replay_id") String replayId,
                        @JsonProperty("sequence") long sequence) {

    public static final String TYPE = "market.bar.closed";
}
