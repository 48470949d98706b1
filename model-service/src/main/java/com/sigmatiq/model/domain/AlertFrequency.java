package com.sigmatiq.model.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's {@code alert_frequency} spellings and the model timeframe each means: {@code 1_minute}/{@code 1m},
 * {@code 5_minutes}/{@code 5m}, {@code 15_minutes}/{@code 15m}, {@code 1_hour}/{@code 1h},
 * {@code 1_day}/{@code 1d}/{@code daily} (case-insensitive).
 */
public final class AlertFrequency {

    private static final Map<String, String> TIMEFRAMES = Map.ofEntries(
            Map.entry("1_minute", "1m"), Map.entry("1m", "1m"),
            Map.entry("5_minutes", "5m"), Map.entry("5m", "5m"),
            Map.entry("15_minutes", "15m"), Map.entry("15m", "15m"),
            Map.entry("1_hour", "1h"), Map.entry("1h", "1h"),
            Map.entry("1_day", "1d"), Map.entry("1d", "1d"), Map.entry("daily", "1d"));

    /** Every accepted spelling, in timeframe order. */
    public static final List<String> SPELLINGS = List.of("1_minute", "1m", "5_minutes", "5m", "15_minutes", "15m", "1_hour",
            "1h", "1_day", "1d", "daily");

    private AlertFrequency() {
    }

    /** The timeframe label ({@code 5m}) an alert frequency means, or empty for an unknown spelling. */
    public static Optional<String> timeframe(String alertFrequency) {
        return alertFrequency == null ? Optional.empty()
                : Optional.ofNullable(TIMEFRAMES.get(alertFrequency.trim().toLowerCase(Locale.ROOT)));
    }
}
