package com.sigmatiq.training.domain;

import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.util.Optional;

/** Bars from market-data-service, with the caller's token. */
public interface BarSource {

    /** First and last session of the ticker's bars in (or aggregable to) {@code tf}, or empty when it has none. */
    Optional<Coverage> coverage(String ticker, Timeframe tf, String bearerToken);

    /** Every bar of sessions {@code from..to} (inclusive), extended hours included, as CSV. */
    byte[] csv(String ticker, Timeframe tf, LocalDate from, LocalDate to, String bearerToken);

    record Coverage(LocalDate first, LocalDate last) {
    }
}
