package com.sigmatiq.engine.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Bar sizes. Models run on 1m, 5m, 15m, 1h or 1d ({@link #isModelTimeframe()}); data files may also
 * come in 10m and 30m bars.
 */
public enum Timeframe {
    M1("1m", 60_000L),
    M5("5m", 300_000L),
    M10("10m", 600_000L),
    M15("15m", 900_000L),
    M30("30m", 1_800_000L),
    H1("1h", 3_600_000L),
    D1("1d", 86_400_000L);

    private final String label;
    private final long millis;

    Timeframe(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /** As written in requests and YAML: {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 1d}. */
    public String label() {
        return label;
    }

    /** Nominal bar length in milliseconds (a daily bar counts one calendar day). */
    public long millis() {
        return millis;
    }

    public boolean isDaily() {
        return this == D1;
    }

    /** Whether a model may use this bar size (DESIGN section 1: 1m, 5m, 15m, 1h, 1d). */
    public boolean isModelTimeframe() {
        return this != M10 && this != M30;
    }

    public static Timeframe parse(String label) {
        for (Timeframe t : values()) {
            if (t.label.equalsIgnoreCase(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + label + "'; valid: "
                + Arrays.stream(values()).map(Timeframe::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
