package com.sigmatiq.alert.domain;

/**
 * A closed bar as it arrived, with where it sits in its topic (a runtime's snapshot records the position of the last
 * bar it holds, so that bars after it can be read again).
 *
 * @param stream {@code null} or {@code live} for the live feed, else the replay id
 */
public record IncomingBar(String ticker, String timeframe, String stream, Bar bar, BarPosition position) {

    /** A bar's place in Kafka. */
    public record BarPosition(String topic, int partition, long offset) {

        /** The place just before this one (a runtime warmed up before this bar holds none of the stream's bars). */
        public BarPosition before() {
            return new BarPosition(topic, partition, offset - 1);
        }
    }

    String streamKey() {
        return ticker + '|' + timeframe + '|' + (stream == null || stream.isEmpty() ? Publication.LIVE : stream);
    }
}
