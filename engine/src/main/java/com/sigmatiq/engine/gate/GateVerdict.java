package com.sigmatiq.engine.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gate verdict of one backtest, shaped as the seed's {@code gate_results}.
 *
 * @param pass   every check passed (true when there are none)
 * @param checks per check key, in pack order: {@code min_trades}, {@code min_sharpe}, {@code max_drawdown},
 *               {@code min_win_rate}, {@code max_slippage_bps}, {@code min_volume}, {@code max_spread_pct},
 *               {@code max_position_size_pct}, {@code max_correlation}, {@code max_var_95}
 */
public record GateVerdict(boolean pass, LinkedHashMap<String, Check> checks) {

    public GateVerdict {
        checks = new LinkedHashMap<>(checks);
    }

    /**
     * One check, in the units of its JSON key: {@code max_drawdown} and {@code min_win_rate} as fractions
     * (0.25), the {@code _pct} checks and {@code max_var_95} in percent (5 = 5%).
     *
     * @param required the threshold
     * @param actual   the measured value; null when it cannot be measured
     * @param pass     whether the check passed
     */
    public record Check(double required, Double actual, boolean pass) {

        Map<String, Object> toMap(boolean integral) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("required", integral ? (Object) Math.round(required) : (Object) required);
            m.put("actual", integral && actual != null ? (Object) Math.round(actual) : actual);
            m.put("pass", pass);
            return m;
        }
    }

    /**
     * As JSON wants it: {@code {"pass": true, "checks": {"min_trades": {"required": 30, "actual": 87,
     * "pass": true}, ...}}}; {@code min_trades} as whole numbers.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> c = new LinkedHashMap<>();
        for (Map.Entry<String, Check> e : checks.entrySet()) {
            c.put(e.getKey(), e.getValue().toMap(e.getKey().equals(GateEvaluator.MIN_TRADES)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pass", pass);
        m.put("checks", Collections.unmodifiableMap(c));
        return Collections.unmodifiableMap(m);
    }
}
