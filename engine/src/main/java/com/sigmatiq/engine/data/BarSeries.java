package com.sigmatiq.engine.data;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * OHLCV bars of one instrument and one bar size, as columns.
 *
 * <p>{@code time[i]} is the bar's <em>start</em> in epoch milliseconds (UTC); times are strictly
 * increasing. Prices are in the instrument's currency, volume in shares. The arrays are owned by
 * the series: callers must not modify them.
 *
 * @param ticker    instrument symbol, e.g. {@code SPY}
 * @param zone      the exchange's time zone (America/New_York for US listings)
 * @param timeframe the bar size
 */
public record BarSeries(String ticker, ZoneId zone, Timeframe timeframe,
                        long[] time, double[] open, double[] high, double[] low,
                        double[] close, double[] volume) {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public BarSeries {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(timeframe, "timeframe");
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("all columns must have " + n + " rows");
        }
        for (int i = 1; i < n; i++) {
            if (time[i] <= time[i - 1]) {
                throw new IllegalArgumentException("bar times must increase strictly: row " + i + " at "
                        + Instant.ofEpochMilli(time[i]) + " follows " + Instant.ofEpochMilli(time[i - 1]));
            }
        }
    }

    /** Number of bars. */
    public int size() {
        return time.length;
    }

    /** The bars with index in {@code [from, to)}, sharing nothing with this series. */
    public BarSeries slice(int from, int to) {
        return new BarSeries(ticker, zone, timeframe,
                java.util.Arrays.copyOfRange(time, from, to),
                java.util.Arrays.copyOfRange(open, from, to),
                java.util.Arrays.copyOfRange(high, from, to),
                java.util.Arrays.copyOfRange(low, from, to),
                java.util.Arrays.copyOfRange(close, from, to),
                java.util.Arrays.copyOfRange(volume, from, to));
    }
}
