package com.sigmatiq.pack.web;

import com.sigmatiq.engine.indicator.ParamSpec;
import com.sigmatiq.engine.pack.FeatureDef;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackGates;
import com.sigmatiq.engine.pack.PackInfo;
import com.sigmatiq.engine.pack.Policies;
import com.sigmatiq.engine.pack.StrategyDef;
import com.sigmatiq.pack.domain.PackVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pack version's full content as structured JSON: the engine's validated {@link Pack} plus the
 * version's identity. Percentages are as the pack writes them (8 means 8%); whole numbers are
 * written without a fraction.
 *
 * @param id         pack id
 * @param version    pack version ({@code MAJOR.MINOR.PATCH})
 * @param contentHash SHA-256 (hex) of the version's files
 * @param uploadedBy uploader's user id, or null for a bundled pack
 * @param createdAt  when the version was stored (UTC)
 * @param pack       the {@code pack.yaml} header
 */
public record PackContent(String id, String version, String contentHash, String uploadedBy, Instant createdAt,
                          Info pack, List<Indicator> indicators, List<Feature> features, List<Strategy> strategies,
                          Map<String, Map<String, Number>> gates, PolicySet policies) {

    /** The {@code pack.yaml} header; {@code createdAt} is the text the pack gives. */
    public record Info(String id, String name, String version, String description, String author, String createdAt,
                       List<String> tags, List<String> supportedInstruments, String defaultInstrument) {
    }

    /** An indicator with its resolved kind, its category in {@code indicators.yaml} and every parameter (defaults filled in). */
    public record Indicator(String id, String name, String kind, String category, Map<String, Object> params,
                            List<String> outputs) {
    }

    /** A feature; {@code type} is {@code number} or {@code boolean}. */
    public record Feature(String id, String name, String calculation, String type) {
    }

    /** A strategy: entry rules (weighted) and exit rules (any one exits). */
    public record Strategy(String id, String name, String description, List<Rule> entryLogic, List<Rule> exitLogic) {
    }

    public record Rule(String rule, Number weight) {
    }

    public record PolicySet(Execution execution, PositionSizing positionSizing, RiskManagement riskManagement) {
    }

    public record Execution(String orderType, String timeInForce, boolean waitForConfirmation, boolean partialFillsAllowed) {
    }

    public record PositionSizing(String method, Number maxPositionPct, Number minPositionPct, boolean scaleInAllowed,
                                 int maxPositions) {
    }

    public record RiskManagement(Number stopLossPct, Number takeProfitPct, boolean trailingStop, Number trailingStopPct,
                                 int timeStopDays) {
    }

    static PackContent of(PackVersion v, Pack p) {
        PackInfo i = p.info();
        Info info = new Info(i.id(), i.name(), i.version(), i.description(), i.author(), i.createdAt(), i.tags(),
                i.supportedInstruments(), i.defaultInstrument());
        List<Indicator> indicators = p.indicators().stream().map(PackContent::indicator).toList();
        List<Feature> features = p.features().stream()
                .map((FeatureDef f) -> new Feature(f.id(), f.name(), f.calculation(), f.type().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        List<Strategy> strategies = p.strategies().stream()
                .map((StrategyDef s) -> new Strategy(s.id(), s.name(), s.description(), rules(s.entryLogic()), rules(s.exitLogic())))
                .toList();
        PackGates g = p.gates();
        Map<String, Map<String, Number>> gates = new LinkedHashMap<>();
        gates.put("quality", numbers(g.quality()));
        gates.put("execution", numbers(g.execution()));
        gates.put("risk", numbers(g.risk()));
        Policies po = p.policies();
        var ex = po.execution();
        var ps = po.positionSizing();
        var rm = po.riskManagement();
        PolicySet policies = new PolicySet(
                new Execution(ex.orderType(), ex.timeInForce(), ex.waitForConfirmation(), ex.partialFillsAllowed()),
                new PositionSizing(ps.method(), number(ps.maxPositionPct()), number(ps.minPositionPct()), ps.scaleInAllowed(),
                        ps.maxPositions()),
                new RiskManagement(number(rm.stopLossPct()), number(rm.takeProfitPct()), rm.trailingStop(),
                        number(rm.trailingStopPct()), rm.timeStopDays()));
        return new PackContent(v.packId(), v.version(), v.contentHash(), v.uploadedBy(), v.createdAt(), info, indicators,
                features, strategies, gates, policies);
    }

    private static Indicator indicator(IndicatorDef d) {
        Map<String, Object> params = new LinkedHashMap<>();
        double[] values = d.params();
        List<ParamSpec> specs = d.kind().params();
        for (int k = 0; k < specs.size(); k++) {
            ParamSpec s = specs.get(k);
            params.put(s.name(), switch (s.type()) {
                case BOOLEAN -> values[k] != 0;
                case INTEGER -> (long) values[k];
                case NUMBER -> number(values[k]);
            });
        }
        return new Indicator(d.id(), d.name(), d.kind().id(), d.category(), params, d.outputNames());
    }

    private static List<Rule> rules(List<StrategyDef.RuleLine> lines) {
        return lines.stream().map(l -> new Rule(l.expression(), number(l.weight()))).toList();
    }

    private static Map<String, Number> numbers(Map<String, Double> m) {
        Map<String, Number> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(k, number(x)));
        return out;
    }

    /** A whole number as a long (written {@code 5}), anything else as the double ({@code 0.7}). */
    static Number number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? (Number) (long) x : (Number) x;
    }
}
