package com.sigmatiq.marketdata.domain;

import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How a bar file is read. Null members are detected from the file.
 *
 * @param ticker              instrument symbol (null: the file name up to its first {@code _} or {@code .})
 * @param exchange            the exchange's zone (America/New_York for US listings)
 * @param sourceZone          zone of stamps without an offset (null: the exchange's)
 * @param convention          whether intraday stamps mark bar start or end (null: detected)
 * @param timeframe           bar size (null: from the stamps' spacing, 1d for dates)
 * @param pricesSplitAdjusted the prices already account for the file's split column
 * @param mode                bad rows skipped or the import refused
 */
public record ImportOptions(String ticker, ZoneId exchange, ZoneId sourceZone, BarConvention convention,
                            Timeframe timeframe, boolean pricesSplitAdjusted, ImportMode mode) {

    public ImportOptions {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(mode, "mode");
        if (ticker != null && !ticker.matches("[A-Za-z0-9.^_-]{1,20}")) {
            throw new IllegalArgumentException("ticker '" + ticker + "' must be 1-20 letters, digits or . ^ _ -");
        }
        ticker = ticker == null ? null : ticker.toUpperCase(java.util.Locale.ROOT);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, ExchangeCalendar.NEW_YORK, null, null, null, false, ImportMode.SKIP);
    }

    /** Canonical text of what decides the stored result (idempotency key together with the content hash). */
    public String key(String resolvedTicker) {
        return "ticker=" + resolvedTicker + ";exchange=" + exchange + ";source_zone=" + sourceZone + ";convention="
                + (convention == null ? "detect" : convention.label()) + ";timeframe=" + timeframe
                + ";split_adjusted=" + pricesSplitAdjusted + ";mode=" + mode.label();
    }
}
