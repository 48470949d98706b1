package com.sigmatiq.engine.indicator;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The indicator kinds a pack can use (DESIGN section 3), with their parameters and outputs.
 *
 * <p>Parameter values are passed around as a {@code double[]} in the order of {@link #params()};
 * {@link #warmup(double[], int)} gives the index of the first bar on which an output has a value
 * (TA-Lib's lookback), which is also the number of bars an output needs before it is ready.
 */
public enum IndicatorKind {
    RSI("rsi",
            List.of(ParamSpec.integer("period", 14, 2, 100_000),
                    ParamSpec.level("overbought", 70, 0, 100),
                    ParamSpec.level("oversold", 30, 0, 100)),
            List.of("rsi")),
    MACD("macd",
            List.of(ParamSpec.integer("fast_period", 12, 2, 100_000),
                    ParamSpec.integer("slow_period", 26, 2, 100_000),
                    ParamSpec.integer("signal_period", 9, 1, 100_000)),
            List.of("macd_line", "signal_line", "macd_histogram")),
    STOCHASTIC("stochastic",
            List.of(ParamSpec.integer("k_period", 14, 1, 100_000),
                    ParamSpec.integer("d_period", 3, 1, 100_000),
                    ParamSpec.integer("smooth_k", 3, 1, 100_000)),
            List.of("stochastic", "stochastic_d")),
    EMA("ema",
            List.of(ParamSpec.integer("period", 20, 2, 100_000)),
            List.of("$id")),
    ADX("adx",
            List.of(ParamSpec.integer("period", 14, 2, 100_000),
                    ParamSpec.level("threshold", 25, 0, 100)),
            List.of("adx", "plus_di", "minus_di")),
    BOLLINGER_BANDS("bollinger_bands",
            List.of(ParamSpec.integer("period", 20, 2, 100_000),
                    ParamSpec.number("std_dev", 2, 0.0001, 100)),
            List.of("bb_upper", "bb_middle", "bb_lower")),
    ATR("atr",
            List.of(ParamSpec.integer("period", 14, 1, 100_000)),
            List.of("atr")),
    OBV("obv",
            List.of(ParamSpec.flag("cumulative", true)),
            List.of("obv")),
    VOLUME_MA("volume_ma",
            List.of(ParamSpec.integer("period", 20, 1, 100_000)),
            List.of("volume_ma"));

    /** Alias accepted in formulas for {@code macd_line}. */
    public static final String MACD_ALIAS = "macd";

    private final String id;
    private final List<ParamSpec> params;
    private final List<String> outputs;

    IndicatorKind(String id, List<ParamSpec> params, List<String> outputs) {
        this.id = id;
        this.params = params;
        this.outputs = outputs;
    }

    /** The kind's name as written in packs ({@code type:} or derived from the id). */
    public String id() {
        return id;
    }

    public List<ParamSpec> params() {
        return params;
    }

    /** Index of a parameter in {@link #params()}, or -1. */
    public int paramIndex(String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Default parameter values in the order of {@link #params()}. */
    public double[] defaults() {
        double[] d = new double[params.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = params.get(i).defaultValue();
        }
        return d;
    }

    public int outputCount() {
        return outputs.size();
    }

    /**
     * Output names usable in formulas for an indicator entry of this kind with the given id; an
     * {@code ema} entry's single output is named after its id ({@code ema_20}).
     */
    public List<String> outputNames(String indicatorId) {
        return outputs.stream().map(o -> o.equals("$id") ? indicatorId : o).toList();
    }

    /**
     * Index of the first bar on which output {@code output} has a value (TA-Lib's lookback), for the
     * parameter values {@code p} in the order of {@link #params()}.
     */
    public int warmup(double[] p, int output) {
        return switch (this) {
            case RSI -> (int) p[0];
            case MACD -> (int) Math.max(p[0], p[1]) + (int) p[2] - 2;
            case STOCHASTIC -> (int) p[0] + (int) p[2] + (int) p[1] - 3;
            case EMA -> (int) p[0] - 1;
            case ADX -> output == 0 ? 2 * (int) p[0] - 1 : (int) p[0];
            case BOLLINGER_BANDS -> (int) p[0] - 1;
            case ATR -> (int) p[0];
            case OBV -> 0;
            case VOLUME_MA -> (int) p[0] - 1;
        };
    }

    /**
     * The kind of an indicator entry, resolved as DESIGN section 3 says: its {@code type:} if given,
     * else its id, else its id without a trailing {@code _<number>} ({@code ema_20} is an {@code ema}).
     */
    public static Optional<IndicatorKind> resolve(String type, String id) {
        if (type != null) {
            return byId(type);
        }
        Optional<IndicatorKind> direct = byId(id);
        if (direct.isPresent()) {
            return direct;
        }
        return byId(id.replaceFirst("_\\d+$", ""));
    }

    public static Optional<IndicatorKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(IndicatorKind::id).toList();
    }
}
