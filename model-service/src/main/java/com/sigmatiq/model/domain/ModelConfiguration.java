package com.sigmatiq.model.domain;

import com.sigmatiq.engine.indicator.ParamSpec;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.StrategyDef;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a model's effective configuration exactly as the seed's section 2.2 lays it out, in this key order:
 * {@code model{id, pack_id, user_id, created_at}}, {@code instrument{type, ticker}},
 * {@code strategy{id, entry_rules, exit_rules}}, {@code indicators} (one single-key map per selected indicator,
 * in the order selected, id → every parameter of the indicator with overrides applied), {@code features}
 * (selected ids), {@code risk_management{stop_loss_pct, take_profit_pct, max_position_pct, trailing_stop,
 * trailing_stop_pct}}, and then {@code timeframe}.
 *
 * <p>Numbers are written as the pack writes them: whole values as integers ({@code period: 21},
 * {@code std_dev: 2}), others as decimals; percentages in percent (6 = 6%).
 */
public final class ModelConfiguration {

    private ModelConfiguration() {
    }

    public static Map<String, Object> generate(String modelId, String ownerId, Instant createdAt, ValidatedModel v) {
        Pack pack = v.pack();
        StrategyConfig cfg = v.strategyConfig();
        StrategyDef strategy = pack.strategy(cfg.strategyId()).orElseThrow();

        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", modelId);
        model.put("pack_id", pack.id());
        model.put("user_id", ownerId);
        model.put("created_at", createdAt.toString());
        root.put("model", model);

        Map<String, Object> instrument = new LinkedHashMap<>();
        instrument.put("type", v.instrument());
        instrument.put("ticker", v.ticker());
        root.put("instrument", instrument);

        Map<String, Object> strat = new LinkedHashMap<>();
        strat.put("id", strategy.id());
        strat.put("entry_rules", strategy.entryLogic().stream().map(StrategyDef.RuleLine::expression).toList());
        strat.put("exit_rules", strategy.exitLogic().stream().map(StrategyDef.RuleLine::expression).toList());
        root.put("strategy", strat);

        List<Map<String, Object>> indicators = new ArrayList<>();
        for (String id : v.selectedIndicators()) {
            IndicatorDef def = pack.indicator(id).orElseThrow();
            double[] values = cfg.params(id);
            List<ParamSpec> specs = def.kind().params();
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                params.put(specs.get(i).name(), specs.get(i).type() == ParamSpec.ParamType.BOOLEAN
                        ? (Object) (values[i] != 0) : number(values[i]));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(id, params);
            indicators.add(entry);
        }
        root.put("indicators", indicators);
        root.put("features", List.copyOf(v.selectedFeatures()));

        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("stop_loss_pct", number(cfg.stopLossPct()));
        risk.put("take_profit_pct", number(cfg.takeProfitPct()));
        risk.put("max_position_pct", number(cfg.maxPositionPct()));
        boolean trailing = cfg.trailingStopPct() > 0;
        risk.put("trailing_stop", trailing);
        risk.put("trailing_stop_pct", number(trailing ? cfg.trailingStopPct() : pack.policies().riskManagement().trailingStopPct()));
        root.put("risk_management", risk);

        root.put("timeframe", v.timeframe().label());
        return root;
    }

    /** A whole value as a {@code Long} (written {@code 21}), anything else as a {@code Double}. */
    static Object number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return v;
    }
}
