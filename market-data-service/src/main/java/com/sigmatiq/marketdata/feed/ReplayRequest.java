package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.Timeframe;

import java.util.List;

/**
 * A replay to start.
 *
 * @param tickers         instruments replayed together (merged in time order)
 * @param sourceTimeframe stored bars read (null: the finest stored series that builds every timeframe)
 * @param timeframes      timeframes published, each to {@code market.bars.<timeframe>}
 * @param fromMs          first source bar start included, epoch ms UTC
 * @param toMs            first source bar start excluded
 * @param speed           1 = real time, 60 = an hour a minute, 0 = as fast as possible
 * @param extended        include pre- and post-market bars
 */
public record ReplayRequest(List<String> tickers, Timeframe sourceTimeframe, List<Timeframe> timeframes, long fromMs,
                            long toMs, double speed, boolean extended) {
}
