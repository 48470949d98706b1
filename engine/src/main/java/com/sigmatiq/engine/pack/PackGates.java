package com.sigmatiq.engine.pack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack's gate thresholds as written in {@code gates.yaml} (percentages in percent), by section.
 * Only known keys with in-range values get here; see {@link #KNOWN}.
 */
public record PackGates(Map<String, Double> quality, Map<String, Double> execution, Map<String, Double> risk) {

    /** Allowed range of a gate value, inclusive. */
    record Range(double min, double max, boolean integer) {
        boolean accepts(double v) {
            return v >= min && v <= max && (!integer || v == Math.rint(v));
        }

        String describe() {
            return (integer ? "an integer" : "a number") + " from " + fmt(min) + " to " + fmt(max);
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** Known gate keys per section with their ranges. */
    static final Map<String, Map<String, Range>> KNOWN = Map.of(
            "quality", ordered(
                    "min_trades", new Range(0, 1_000_000, true),
                    "min_sharpe", new Range(-100, 100, false),
                    "max_drawdown_pct", new Range(0, 100, false),
                    "min_win_rate", new Range(0, 100, false)),
            "execution", ordered(
                    "max_slippage_bps", new Range(0, 10_000, false),
                    "min_volume", new Range(0, 1e15, false),
                    "max_spread_pct", new Range(0, 100, false)),
            "risk", ordered(
                    "max_position_size_pct", new Range(0, 100, false),
                    "max_correlation", new Range(-1, 1, false),
                    "max_var_95", new Range(0, 100, false)));

    static final List<String> SECTIONS = List.of("quality", "execution", "risk");

    public PackGates {
        quality = Collections.unmodifiableMap(new LinkedHashMap<>(quality));
        execution = Collections.unmodifiableMap(new LinkedHashMap<>(execution));
        risk = Collections.unmodifiableMap(new LinkedHashMap<>(risk));
    }

    private static Map<String, Range> ordered(Object... kv) {
        Map<String, Range> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Range) kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
