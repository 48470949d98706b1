package com.sigmatiq.engine.gate;

import java.util.LinkedHashMap;

/**
 * Judges {@link GateInputs} against {@link GateThresholds}. Only thresholds that are set give a check;
 * {@code min_*} pass when actual ≥ required, {@code max_*} when actual ≤ required (comparisons are made on
 * the fractions, then both sides are reported in the check's units). A check whose actual value cannot be
 * measured (null/NaN, e.g. {@code min_win_rate} without trades, {@code max_spread_pct} with one session)
 * fails — except {@code max_correlation}, which passes with actual null when there is no other model to
 * compare with.
 */
public final class GateEvaluator {

    public static final String MIN_TRADES = "min_trades";
    public static final String MIN_SHARPE = "min_sharpe";
    public static final String MAX_DRAWDOWN = "max_drawdown";
    public static final String MIN_WIN_RATE = "min_win_rate";
    public static final String MAX_SLIPPAGE_BPS = "max_slippage_bps";
    public static final String MIN_VOLUME = "min_volume";
    public static final String MAX_SPREAD_PCT = "max_spread_pct";
    public static final String MAX_POSITION_SIZE_PCT = "max_position_size_pct";
    public static final String MAX_CORRELATION = "max_correlation";
    public static final String MAX_VAR_95 = "max_var_95";

    private GateEvaluator() {
    }

    public static GateVerdict evaluate(GateThresholds g, GateInputs in) {
        LinkedHashMap<String, GateVerdict.Check> checks = new LinkedHashMap<>();
        var m = in.metrics();
        atLeast(checks, MIN_TRADES, g.minTrades(), (double) m.totalTrades(), 1);
        atLeast(checks, MIN_SHARPE, g.minSharpe(), m.sharpeRatio(), 1);
        atMost(checks, MAX_DRAWDOWN, g.maxDrawdown(), Math.abs(m.maxDrawdown()), 1);
        atLeast(checks, MIN_WIN_RATE, g.minWinRate(), m.winRate(), 1);
        atMost(checks, MAX_SLIPPAGE_BPS, g.maxSlippageBps(), in.slippageBps(), 1);
        atLeast(checks, MIN_VOLUME, g.minVolume(), in.averageDailyVolume(), 1);
        atMost(checks, MAX_SPREAD_PCT, g.maxSpread(), in.spread(), 100);
        atMost(checks, MAX_POSITION_SIZE_PCT, g.maxPositionSize(), in.maxPositionSize(), 100);
        if (g.maxCorrelation() != null) {
            Double c = in.correlation();
            if (c == null || c.isNaN()) {
                checks.put(MAX_CORRELATION, new GateVerdict.Check(g.maxCorrelation(), null, true));
            } else {
                atMost(checks, MAX_CORRELATION, g.maxCorrelation(), c, 1);
            }
        }
        atMost(checks, MAX_VAR_95, g.maxVar95(), in.var95(), 100);
        boolean pass = true;
        for (GateVerdict.Check c : checks.values()) {
            pass &= c.pass();
        }
        return new GateVerdict(pass, checks);
    }

    private static void atLeast(LinkedHashMap<String, GateVerdict.Check> checks, String key, Double required,
                                Double actual, double scale) {
        if (required == null) {
            return;
        }
        boolean measured = actual != null && !actual.isNaN();
        checks.put(key, new GateVerdict.Check(scaled(required, scale), measured ? scaled(actual, scale) : null,
                measured && actual >= required));
    }

    private static void atMost(LinkedHashMap<String, GateVerdict.Check> checks, String key, Double required,
                               Double actual, double scale) {
        if (required == null) {
            return;
        }
        boolean measured = actual != null && !actual.isNaN();
        checks.put(key, new GateVerdict.Check(scaled(required, scale), measured ? scaled(actual, scale) : null,
                measured && actual <= required));
    }

    /** Fraction to percent on the shortest decimal form, so that 0.07 shows as 7.0, not 7.000000000000001. */
    private static double scaled(double x, double scale) {
        if (scale == 1 || !Double.isFinite(x)) {
            return x * scale;
        }
        return java.math.BigDecimal.valueOf(x).multiply(java.math.BigDecimal.valueOf(scale)).doubleValue();
    }
}
