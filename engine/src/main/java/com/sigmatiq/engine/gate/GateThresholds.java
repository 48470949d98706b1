package com.sigmatiq.engine.gate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack's gates ({@code gates.yaml}), possibly overridden by a sweep's {@code quality_gates}. Each threshold
 * is nullable (null = no such check). Inside, percentages are fractions: YAML {@code max_drawdown_pct: 25}
 * is {@code maxDrawdown = 0.25}; the constructors from YAML-shaped maps take percent as the pack writes it.
 *
 * @param minTrades       quality.min_trades: at least this many closed trades
 * @param minSharpe       quality.min_sharpe: annualized Sharpe at least
 * @param maxDrawdown     quality.max_drawdown_pct as a fraction in [0, 1]: |max drawdown| at most
 * @param minWinRate      quality.min_win_rate as a fraction in [0, 1]
 * @param maxSlippageBps  execution.max_slippage_bps: modelled slippage at most, basis points
 * @param minVolume       execution.min_volume: average daily volume at least, shares
 * @param maxSpread       execution.max_spread_pct as a fraction: Corwin–Schultz spread at most
 * @param maxPositionSize risk.max_position_size_pct as a fraction of equity: largest position at most
 * @param maxCorrelation  risk.max_correlation in [−1, 1]: daily-return correlation with other models at most
 * @param maxVar95        risk.max_var_95 as a fraction: 95% historical daily VaR (a positive loss) at most
 */
public record GateThresholds(Double minTrades, Double minSharpe, Double maxDrawdown, Double minWinRate,
                             Double maxSlippageBps, Double minVolume, Double maxSpread, Double maxPositionSize,
                             Double maxCorrelation, Double maxVar95) {

    /** No checks at all. */
    public static final GateThresholds NONE = new GateThresholds(null, null, null, null, null, null, null, null,
            null, null);

    /** The gate keys as packs and sweeps write them, with their section and the divisor from YAML to inside. */
    enum Key {
        MIN_TRADES("quality", "min_trades", 1),
        MIN_SHARPE("quality", "min_sharpe", 1),
        MAX_DRAWDOWN_PCT("quality", "max_drawdown_pct", 100),
        MIN_WIN_RATE("quality", "min_win_rate", 100),
        MAX_SLIPPAGE_BPS("execution", "max_slippage_bps", 1),
        MIN_VOLUME("execution", "min_volume", 1),
        MAX_SPREAD_PCT("execution", "max_spread_pct", 100),
        MAX_POSITION_SIZE_PCT("risk", "max_position_size_pct", 100),
        MAX_CORRELATION("risk", "max_correlation", 1),
        MAX_VAR_95("risk", "max_var_95", 100);

        final String section;
        final String yaml;
        final double divisor;

        Key(String section, String yaml, double divisor) {
            this.section = section;
            this.yaml = yaml;
            this.divisor = divisor;
        }

        static Key of(String yaml) {
            for (Key k : values()) {
                if (k.yaml.equals(yaml)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Valid keys of {@link #withOverrides} and of the pack's gate sections, in pack order. */
    public static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>();
        for (Key k : Key.values()) {
            keys.add(k.yaml);
        }
        KEYS = Collections.unmodifiableList(keys);
    }

    public GateThresholds {
        requireRange("min_trades", minTrades, 0, Double.MAX_VALUE, 1);
        requireRange("min_sharpe", minSharpe, -Double.MAX_VALUE, Double.MAX_VALUE, 1);
        requireRange("max_drawdown_pct", maxDrawdown, 0, 1, 100);
        requireRange("min_win_rate", minWinRate, 0, 1, 100);
        requireRange("max_slippage_bps", maxSlippageBps, 0, Double.MAX_VALUE, 1);
        requireRange("min_volume", minVolume, 0, Double.MAX_VALUE, 1);
        requireRange("max_spread_pct", maxSpread, 0, Double.MAX_VALUE, 100);
        requireRange("max_position_size_pct", maxPositionSize, 0, Double.MAX_VALUE, 100);
        requireRange("max_correlation", maxCorrelation, -1, 1, 1);
        requireRange("max_var_95", maxVar95, 0, Double.MAX_VALUE, 100);
    }

    private static void requireRange(String key, Double v, double lo, double hi, double shownScale) {
        if (v != null && !(v >= lo && v <= hi)) {
            throw new IllegalArgumentException("gate " + key + " must be in [" + fmt(lo * shownScale) + ", "
                    + fmt(hi * shownScale) + "], got " + v * shownScale);
        }
    }

    private static String fmt(double v) {
        return Math.abs(v) >= Double.MAX_VALUE ? (v > 0 ? "∞" : "−∞") : Double.toString(v);
    }

    /**
     * From a pack's {@code gates:} mapping as YAML parses it: sections {@code quality}, {@code execution},
     * {@code risk}, each mapping keys to numbers in the pack's units (percent where the key says so, and
     * {@code min_win_rate}/{@code max_var_95} in percent too). A map whose only key is {@code gates} is
     * unwrapped. A missing key or a null value means no check.
     *
     * @throws IllegalArgumentException naming the section or key and the valid ones
     */
    public static GateThresholds fromPack(Map<String, ?> gates) {
        if (gates.size() == 1 && gates.get("gates") instanceof Map<?, ?> inner) {
            return fromPack(castMap(inner));
        }
        Map<String, Double> flat = new LinkedHashMap<>();
        for (Map.Entry<String, ?> section : gates.entrySet()) {
            String name = section.getKey();
            if (!name.equals("quality") && !name.equals("execution") && !name.equals("risk")) {
                throw new IllegalArgumentException("gates: unknown section '" + name
                        + "'; valid: quality, execution, risk");
            }
            if (section.getValue() == null) {
                continue;
            }
            if (!(section.getValue() instanceof Map<?, ?> entries)) {
                throw new IllegalArgumentException("gates." + name + " must be a mapping of gate keys to numbers");
            }
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                String key = String.valueOf(e.getKey());
                Key k = Key.of(key);
                if (k == null || !k.section.equals(name)) {
                    throw new IllegalArgumentException("gates." + name + ": unknown key '" + key + "'; valid: "
                            + String.join(", ", sectionKeys(name)));
                }
                flat.put(key, number("gates." + name + "." + key, e.getValue()));
            }
        }
        return NONE.withOverrides(flat);
    }

    /**
     * These thresholds with some replaced, e.g. by a sweep's {@code quality_gates}: keys as in {@link #KEYS},
     * values in the pack's units (percent for {@code _pct}, {@code min_win_rate} and {@code max_var_95});
     * a null value removes that check.
     *
     * @throws IllegalArgumentException for an unknown key, listing the valid ones
     */
    public GateThresholds withOverrides(Map<String, Double> overrides) {
        Double[] v = values();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            Key k = Key.of(e.getKey());
            if (k == null) {
                throw new IllegalArgumentException("unknown gate '" + e.getKey() + "'; valid: " + String.join(", ", KEYS));
            }
            Double x = e.getValue();
            if (x != null && !Double.isFinite(x)) {
                throw new IllegalArgumentException("gate " + e.getKey() + " must be a finite number, got " + x);
            }
            v[k.ordinal()] = x == null ? null : x / k.divisor; // 25 / 100 is the double nearest 0.25
        }
        return new GateThresholds(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** The thresholds in the pack's units under their YAML keys, in pack order; absent checks left out. */
    public Map<String, Double> toPackUnits() {
        Map<String, Double> m = new LinkedHashMap<>();
        Double[] v = values();
        for (Key k : Key.values()) {
            if (v[k.ordinal()] != null) {
                m.put(k.yaml, java.math.BigDecimal.valueOf(v[k.ordinal()])
                        .multiply(java.math.BigDecimal.valueOf(k.divisor)).doubleValue());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private Double[] values() {
        return new Double[] {minTrades, minSharpe, maxDrawdown, minWinRate, maxSlippageBps, minVolume, maxSpread,
            maxPositionSize, maxCorrelation, maxVar95};
    }

    private static List<String> sectionKeys(String section) {
        List<String> keys = new ArrayList<>();
        for (Key k : Key.values()) {
            if (k.section.equals(section)) {
                keys.add(k.yaml);
            }
        }
        return keys;
    }

    private static Double number(String where, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number num) {
            return num.doubleValue();
        }
        throw new IllegalArgumentException(where + " must be a number, got '" + value + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }
}
