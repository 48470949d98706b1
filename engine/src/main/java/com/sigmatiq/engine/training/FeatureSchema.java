package com.sigmatiq.engine.training;

import com.sigmatiq.engine.expr.NameSuggestions;
import com.sigmatiq.engine.pack.FeatureDef;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The feature schema of DESIGN §6: the names of a model's feature columns in their one fixed order, with what
 * produced them. The order is: the selected pack features in pack order, then the outputs of the selected
 * indicators in pack order (each indicator's outputs in its kind's order; the {@code macd} alias of
 * {@code macd_line} is not repeated), then {@value #ENTRY_SCORE}, {@value #HOUR_OF_DAY} and
 * {@value #DAY_OF_WEEK}. The order in which a caller lists its selection does not matter.
 *
 * @param names         every column, in order
 * @param packId        the pack's id
 * @param packVersion   the pack's version
 * @param strategyId    the strategy whose candidate entries are the samples
 * @param configuration the effective configuration ({@link StrategyConfig#toMap()}), unmodifiable
 */
public record FeatureSchema(List<String> names, String packId, String packVersion, String strategyId,
                            Map<String, Object> configuration) {

    /** The strategy's entry score at the decision bar's close, in [0, 1]. */
    public static final String ENTRY_SCORE = "entry_score";
    /** Exchange-local hour (0–23) of the decision bar's start; 0 on daily bars (a daily bar starts at midnight). */
    public static final String HOUR_OF_DAY = "hour_of_day";
    /** ISO day of week of the decision bar's session date: 1 = Monday … 7 = Sunday. */
    public static final String DAY_OF_WEEK = "day_of_week";
    /** The columns every schema ends with, in order. */
    public static final List<String> DERIVED = List.of(ENTRY_SCORE, HOUR_OF_DAY, DAY_OF_WEEK);

    public FeatureSchema {
        names = List.copyOf(names);
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(packVersion, "packVersion");
        Objects.requireNonNull(strategyId, "strategyId");
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        if (names.size() < DERIVED.size() || !names.subList(names.size() - DERIVED.size(), names.size()).equals(DERIVED)) {
            throw new IllegalArgumentException("a feature schema ends with " + DERIVED + ", got " + names);
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("feature names repeat: " + names);
        }
    }

    /**
     * The schema of {@code config} with a model's selection.
     *
     * @param indicatorIds the selected indicator ids, or null for all of the pack's
     * @param featureIds   the selected feature ids, or null for all of the pack's
     * @throws IllegalArgumentException for an id the pack does not have, naming the nearest ones
     */
    public static FeatureSchema of(StrategyConfig config, List<String> indicatorIds, List<String> featureIds) {
        Pack pack = config.pack();
        Set<String> indicators = chosen(indicatorIds, pack.indicatorIds(), "indicator", pack);
        Set<String> features = chosen(featureIds, pack.featureIds(), "feature", pack);
        List<String> names = new ArrayList<>();
        for (FeatureDef f : pack.features()) {
            if (features.contains(f.id())) {
                names.add(f.id());
            }
        }
        for (IndicatorDef d : pack.indicators()) {
            if (indicators.contains(d.id())) {
                names.addAll(d.outputNames());
            }
        }
        names.addAll(DERIVED);
        return new FeatureSchema(names, pack.id(), pack.version(), config.strategyId(), config.toMap());
    }

    /** Every feature and indicator output of the pack (what the command line writes). */
    public static FeatureSchema all(StrategyConfig config) {
        return of(config, null, null);
    }

    private static Set<String> chosen(List<String> selected, List<String> known, String what, Pack pack) {
        if (selected == null) {
            return new HashSet<>(known);
        }
        Set<String> out = new HashSet<>();
        for (String id : selected) {
            if (!known.contains(id)) {
                List<String> near = NameSuggestions.nearest(id, known);
                throw new IllegalArgumentException("unknown " + what + " '" + id + "' in pack " + pack.id()
                        + (near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)")
                        + "; known: " + String.join(", ", known));
            }
            out.add(id);
        }
        return out;
    }

    /** Number of columns. */
    public int size() {
        return names.size();
    }

    /** Column index of {@code name}, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** The columns read from the pack's computed names (features and indicator outputs), in order. */
    public List<String> packColumns() {
        return names.subList(0, names.size() - DERIVED.size());
    }
}
