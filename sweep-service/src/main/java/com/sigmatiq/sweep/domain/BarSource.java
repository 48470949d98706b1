package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.util.Optional;

/** Bars of a ticker (market-data-service, with the caller's token). */
public interface BarSource {

    /** First and last session date with bars for the ticker, or empty when there are none. */
    Optional<Coverage> coverage(String ticker, Timeframe timeframe, String bearerToken);

    /**
     * The bars of sessions {@code from..to} (inclusive) as CSV with a header and ISO-8601 UTC bar-start times
     * ({@code time,open,high,low,close,volume}), exactly as received.
     */
    byte[] csv(String ticker, Timeframe timeframe, LocalDate from, LocalDate to, String bearerToken);

    record Coverage(LocalDate first, LocalDate last) {
    }
}
