package com.sigmatiq.engine.pack;

import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.expr.ValueType;
import com.sigmatiq.engine.indicator.IndicatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, validated, immutable strategy pack: the definition that models, sweeps and alerts resolve
 * into compiled strategies. Percentages are kept as the pack writes them (8 means 8%).
 *
 * @param contentHash SHA-256 (hex) of the pack's file set: names and contents, in name order
 */
public record Pack(PackInfo info, List<IndicatorDef> indicators, List<FeatureDef> features,
                   List<StrategyDef> strategies, PackGates gates, Policies policies, String contentHash) {

    /** Names every formula can use besides indicator outputs and features. */
    public static final List<String> BAR_FIELDS = List.of("open", "high", "low", "close", "volume", "price");

    public Pack {
        indicators = List.copyOf(indicators);
        features = List.copyOf(features);
        strategies = List.copyOf(strategies);
    }

    public String id() {
        return info.id();
    }

    public String version() {
        return info.version();
    }

    public Optional<IndicatorDef> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<FeatureDef> feature(String id) {
        return features.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<StrategyDef> strategy(String id) {
        return strategies.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<String> strategyIds() {
        return strategies.stream().map(StrategyDef::id).toList();
    }

    public List<String> indicatorIds() {
        return indicators.stream().map(IndicatorDef::id).toList();
    }

    public List<String> featureIds() {
        return features.stream().map(FeatureDef::id).toList();
    }

    /**
     * Every name a formula of this pack may use, in slot order: the bar fields, each indicator's
     * outputs (with {@code macd} as an alias of {@code macd_line}), then the features.
     */
    public SymbolTable symbols() {
        SymbolTable.Builder b = SymbolTable.builder();
        for (String f : BAR_FIELDS) {
            b.add(f, ValueType.NUMBER);
        }
        for (String name : indicatorOutputNames(indicators)) {
            b.add(name, ValueType.NUMBER);
        }
        for (FeatureDef f : features) {
            b.add(f.id(), f.type());
        }
        return b.build();
    }

    static List<String> indicatorOutputNames(List<IndicatorDef> indicators) {
        List<String> names = new ArrayList<>();
        for (IndicatorDef d : indicators) {
            names.addAll(d.outputNames());
            if (d.kind() == IndicatorKind.MACD && !names.contains(IndicatorKind.MACD_ALIAS)) {
                names.add(IndicatorKind.MACD_ALIAS);
            }
        }
        return names;
    }
}
