package com.sigmatiq.engine.strategy;

import com.sigmatiq.engine.indicator.ParamSpec;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.Policies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The effective configuration of one strategy of a pack: the pack's defaults with parameter overrides
 * applied (DESIGN section 5 lists the keys). Percentages are in percent as requests write them
 * (8 = 8%); {@link #stopLoss()} and friends give fractions.
 *
 * <p>Immutable; {@link #with(String, Object)} returns a changed copy, which is how sweeps build their
 * combinations.
 *
 * @param indicatorParams every pack indicator's parameters by indicator id, in {@code IndicatorKind.params()} order
 * @param positionSizePct percent of equity per trade, or null to size by the pack's policy (Kelly)
 */
public record StrategyConfig(Pack pack, String strategyId, Map<String, double[]> indicatorParams,
                             double threshold, AllowedHours allowedHours, Double positionSizePct,
                             double stopLossPct, double takeProfitPct, double trailingStopPct, int timeStopDays,
                             double maxPositionPct, double minPositionPct,
                             double slippageBps, double commissionPerOrder, double commissionPerShare,
                             double initialCapital) {

    public static final double DEFAULT_THRESHOLD = 1.0;
    public static final double DEFAULT_SLIPPAGE_BPS = 2.0;
    public static final double DEFAULT_INITIAL_CAPITAL = 100_000.0;

    /** Keys every pack accepts besides its indicators' {@code <id>_<param>} keys, in canonical order. */
    public static final List<String> FIXED_KEYS = List.of("threshold", "allowed_hours", "position_size_pct",
            "stop_loss_pct", "take_profit_pct", "trailing_stop_pct", "time_stop_days", "max_position_pct", "min_position_pct",
            "slippage_bps", "commission_per_order", "commission_per_share", "initial_capital");

    public StrategyConfig {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(strategyId, "strategyId");
        Map<String, double[]> copy = new LinkedHashMap<>();
        indicatorParams.forEach((k, v) -> copy.put(k, v.clone()));
        indicatorParams = Collections.unmodifiableMap(copy);
    }

    /** The pack's defaults for {@code strategyId}. */
    public static StrategyConfig defaults(Pack pack, String strategyId) {
        if (pack.strategy(strategyId).isEmpty()) {
            throw new ConfigException("strategy_id", "unknown strategy '" + strategyId + "' in pack " + pack.id(), pack.strategyIds());
        }
        Map<String, double[]> params = new LinkedHashMap<>();
        for (IndicatorDef d : pack.indicators()) {
            params.put(d.id(), d.params());
        }
        Policies.RiskManagement risk = pack.policies().riskManagement();
        Policies.PositionSizing sizing = pack.policies().positionSizing();
        return new StrategyConfig(pack, strategyId, params, DEFAULT_THRESHOLD, AllowedHours.ALL_DAY, null,
                risk.stopLossPct(), risk.takeProfitPct(), risk.trailingStop() ? risk.trailingStopPct() : 0, risk.timeStopDays(),
                sizing.maxPositionPct(), sizing.minPositionPct(), DEFAULT_SLIPPAGE_BPS, 0, 0, DEFAULT_INITIAL_CAPITAL);
    }

    /** The pack's defaults with {@code overrides} applied in order. */
    public static StrategyConfig resolve(Pack pack, String strategyId, Map<String, ?> overrides) {
        StrategyConfig c = defaults(pack, strategyId);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /** Every key {@link #with} accepts for this pack, fixed keys first, then {@code <indicator id>_<param>}. */
    public static List<String> validKeys(Pack pack) {
        List<String> keys = new ArrayList<>(FIXED_KEYS);
        for (IndicatorDef d : pack.indicators()) {
            for (ParamSpec p : d.kind().params()) {
                keys.add(d.id() + "_" + p.name());
            }
        }
        return keys;
    }

    /** Indicator parameters of {@code indicatorId} (a copy). */
    public double[] params(String indicatorId) {
        double[] p = indicatorParams.get(indicatorId);
        if (p == null) {
            throw new IllegalArgumentException("no indicator '" + indicatorId + "'");
        }
        return p.clone();
    }

    /**
     * A copy with one key set. {@code thresholds} is accepted as {@code threshold} (the seed's sweeps use it).
     *
     * @throws ConfigException for an unknown key (listing the valid ones) or a value out of range
     */
    public StrategyConfig with(String key, Object value) {
        String k = key.equals("thresholds") ? "threshold" : key;
        switch (k) {
            case "threshold":
                return copy(number(k, value, 0, 1, false), allowedHours, positionSizePct, stopLossPct, takeProfitPct,
                        trailingStopPct, timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "allowed_hours":
                try {
                    return copy(threshold, AllowedHours.parse(value), positionSizePct, stopLossPct, takeProfitPct,
                            trailingStopPct, timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder,
                            commissionPerShare, initialCapital, indicatorParams);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(k, e.getMessage(), List.of());
                }
            case "position_size_pct":
                return copy(threshold, allowedHours, value == null ? null : positive(k, value, 100), stopLossPct, takeProfitPct,
                        trailingStopPct, timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "stop_loss_pct":
                return copy(threshold, allowedHours, positionSizePct, number(k, value, 0, 99.99, false), takeProfitPct,
                        trailingStopPct, timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "take_profit_pct":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, number(k, value, 0, 10_000, false),
                        trailingStopPct, timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "trailing_stop_pct":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct,
                        number(k, value, 0, 99.99, false), timeStopDays, maxPositionPct, minPositionPct, slippageBps,
                        commissionPerOrder, commissionPerShare, initialCapital, indicatorParams);
            case "time_stop_days":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        (int) number(k, value, 0, 100_000, true), maxPositionPct, minPositionPct, slippageBps,
                        commissionPerOrder, commissionPerShare, initialCapital, indicatorParams);
            case "max_position_pct":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        timeStopDays, positive(k, value, 100), minPositionPct, slippageBps, commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "min_position_pct":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        timeStopDays, maxPositionPct, number(k, value, 0, 100, false), slippageBps, commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "slippage_bps":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        timeStopDays, maxPositionPct, minPositionPct, number(k, value, 0, 9_999, false), commissionPerOrder,
                        commissionPerShare, initialCapital, indicatorParams);
            case "commission_per_order":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        timeStopDays, maxPositionPct, minPositionPct, slippageBps, number(k, value, 0, 1e9, false),
                        commissionPerShare, initialCapital, indicatorParams);
            case "commission_per_share":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder,
                        number(k, value, 0, 1e6, false), initialCapital, indicatorParams);
            case "initial_capital":
                return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct,
                        timeStopDays, maxPositionPct, minPositionPct, slippageBps, commissionPerOrder, commissionPerShare,
                        positive(k, value, 1e15), indicatorParams);
            default:
                return withIndicatorParam(k, value);
        }
    }

    private StrategyConfig withIndicatorParam(String key, Object value) {
        for (IndicatorDef d : pack.indicators()) {
            String prefix = d.id() + "_";
            if (!key.startsWith(prefix)) {
                continue;
            }
            int i = d.kind().paramIndex(key.substring(prefix.length()));
            if (i < 0) {
                continue;
            }
            ParamSpec spec = d.kind().params().get(i);
            double v;
            if (spec.type() == ParamSpec.ParamType.BOOLEAN) {
                if (!(value instanceof Boolean b)) {
                    throw new ConfigException(key, key + " must be true or false, not " + value, List.of());
                }
                v = b ? 1 : 0;
            } else {
                v = number(key, value, spec.min(), spec.max(), spec.type() == ParamSpec.ParamType.INTEGER);
            }
            Map<String, double[]> params = new LinkedHashMap<>(indicatorParams);
            double[] p = params.get(d.id()).clone();
            p[i] = v;
            params.put(d.id(), p);
            return copy(threshold, allowedHours, positionSizePct, stopLossPct, takeProfitPct, trailingStopPct, timeStopDays,
                    maxPositionPct, minPositionPct, slippageBps, commissionPerOrder, commissionPerShare, initialCapital, params);
        }
        List<String> valid = validKeys(pack);
        List<String> near = com.sigmatiq.engine.expr.NameSuggestions.nearest(key, valid);
        throw new ConfigException(key, "unknown parameter '" + key + "'" + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)"), valid);
    }

    private StrategyConfig copy(double threshold, AllowedHours hours, Double size, double sl, double tp, double trail, int time,
                                double maxPos, double minPos, double slip, double cpo, double cps, double capital,
                                Map<String, double[]> params) {
        return new StrategyConfig(pack, strategyId, params, threshold, hours, size, sl, tp, trail, time, maxPos, minPos,
                slip, cpo, cps, capital);
    }

    private static double number(String key, Object value, double min, double max, boolean integer) {
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw new ConfigException(key, key + " must be a number, not " + (value instanceof String ? "'" + value + "'" : value), List.of());
        }
        double v = n.doubleValue();
        if (integer && v != Math.rint(v)) {
            throw new ConfigException(key, key + " must be a whole number, not " + value, List.of());
        }
        if (v < min || v > max) {
            throw new ConfigException(key, key + " must be from " + fmt(min) + " to " + fmt(max) + ", not " + fmt(v), List.of());
        }
        return v;
    }

    private static double positive(String key, Object value, double max) {
        double v = number(key, value, 0, max, false);
        if (v <= 0) {
            throw new ConfigException(key, key + " must be above 0, not " + fmt(v), List.of());
        }
        return v;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Stop-loss as a fraction (0.08 = 8%), 0 = off. */
    public double stopLoss() {
        return stopLossPct / 100;
    }

    public double takeProfit() {
        return takeProfitPct / 100;
    }

    public double trailingStop() {
        return trailingStopPct / 100;
    }

    /**
     * The configuration as canonical key/value pairs (fixed keys, then indicator parameters that differ
     * from nothing — all of them), as results and {@code config_hash} use it.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy_id", strategyId);
        m.put("threshold", threshold);
        m.put("allowed_hours", allowedHours.toJson());
        m.put("position_size_pct", positionSizePct);
        m.put("stop_loss_pct", stopLossPct);
        m.put("take_profit_pct", takeProfitPct);
        m.put("trailing_stop_pct", trailingStopPct);
        m.put("time_stop_days", timeStopDays);
        m.put("max_position_pct", maxPositionPct);
        m.put("min_position_pct", minPositionPct);
        m.put("slippage_bps", slippageBps);
        m.put("commission_per_order", commissionPerOrder);
        m.put("commission_per_share", commissionPerShare);
        m.put("initial_capital", initialCapital);
        for (IndicatorDef d : pack.indicators()) {
            double[] p = indicatorParams.get(d.id());
            List<ParamSpec> specs = d.kind().params();
            for (int i = 0; i < specs.size(); i++) {
                ParamSpec s = specs.get(i);
                Object v = s.type() == ParamSpec.ParamType.BOOLEAN ? (Object) (p[i] != 0)
                        : s.type() == ParamSpec.ParamType.INTEGER ? (Object) (long) p[i] : (Object) p[i];
                m.put(d.id() + "_" + s.name(), v);
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyConfig c && c.pack.contentHash().equals(pack.contentHash()) && c.toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "StrategyConfig" + toMap();
    }
}
