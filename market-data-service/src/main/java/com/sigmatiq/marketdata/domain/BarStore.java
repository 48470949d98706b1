package com.sigmatiq.marketdata.domain;

import com.sigmatiq.engine.data.Timeframe;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Stored bars and series (implemented in {@code persistence}); writes run inside the caller's transaction. */
public interface BarStore {

    /** A stored series: its exchange zone and whether its prices already include its splits. */
    record Series(String ticker, Timeframe timeframe, ZoneId exchange, boolean pricesSplitAdjusted,
                  long bars, Long firstStartMs, Long lastStartMs) {
    }

    void upsertSeries(String ticker, Timeframe tf, ZoneId exchange, boolean pricesSplitAdjusted);

    /** Writes the bars (insert or replace); must run inside a transaction. Returns the number of bars written. */
    int upsertBars(String ticker, Timeframe tf, BarColumns bars);

    Optional<Series> series(String ticker, Timeframe tf);

    List<Series> allSeries();

    /** Stored bars with start in {@code [fromMs, toMs)}. */
    BarColumns read(String ticker, Timeframe tf, long fromMs, long toMs);

    /**
     * Streams stored bars with start in {@code [fromMs, toMs)} straight from the database: {@code binary} writes the
     * {@link BarStreamFormat} stream, otherwise CSV with a header ({@code time} as ISO-8601 with {@code isoTime}, else
     * epoch ms). Returns the bytes read from the database.
     */
    long copyOut(String ticker, Timeframe tf, long fromMs, long toMs, boolean binary, boolean isoTime, OutputStream out)
            throws IOException;
}
