package com.sigmatiq.sweep.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's sweep requests (section 3.1) as written, with one change: the date range, which the seed sets to
 * 2022–2023 while the bundled bars are SPY 1-minute March 2011. The seed's own dates are used to test the
 * out-of-range answer.
 */
final class SeedRequests {

    private SeedRequests() {
    }

    static Map<String, Object> simple(String modelId, String start, String end) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.50, 0.55, 0.60, 0.65, 0.70));
        p.put("allowed_hours", List.of("all_day", "morning_only", "afternoon_only"));
        p.put("position_size_pct", List.of(1, 2, 3));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model_id", modelId);
        r.put("sweep_type", "simple");
        r.put("date_range", Map.of("start", start, "end", end));
        r.put("parameters", p);
        r.put("tag", "initial_sweep_jan2024");
        return r;
    }

    static Map<String, Object> custom(String modelId, String start, String end) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("thresholds", List.of(0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75));
        p.put("allowed_hours", List.of(List.of(9, 10), List.of(9, 10, 11), List.of(13, 14, 15), List.of(14, 15, 16), "all_day"));
        p.put("position_size_pct", List.of(1, 2, 3, 4, 5));
        p.put("rsi_period", List.of(14, 21, 28));
        p.put("stop_loss_pct", List.of(4, 6, 8, 10));
        p.put("take_profit_pct", List.of(12, 16, 20));
        p.put("trailing_stop_pct", List.of(3, 5, 7));
        Map<String, Object> gates = new LinkedHashMap<>();
        gates.put("min_trades", 30);
        gates.put("min_sharpe", 0.7);
        gates.put("max_drawdown_pct", 25);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model_id", modelId);
        r.put("sweep_type", "custom");
        r.put("date_range", Map.of("start", start, "end", end));
        r.put("parameters", p);
        r.put("quality_gates", gates);
        r.put("tag", "advanced_optimization_jan2024");
        return r;
    }
}
