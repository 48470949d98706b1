package com.sigmatiq.model.domain;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.strategy.ConfigException;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.kit.web.problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a create-model request, first on its own ({@link #checkFields}) and then against its pack
 * ({@link #checkAgainstPack}), collecting every problem with the field it concerns and, where there is
 * a list, the valid choices. Pack-dependent checks are the engine's: strategy, indicator and feature
 * ids, and {@link StrategyConfig#with} for each parameter override.
 */
public final class ModelRequestValidator {

    /** Model ids: a letter or digit, then letters, digits, {@code _ . -}; at most 64 characters. */
    public static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Tickers: 1 to 10 upper-case letters or dots ({@code SPY}, {@code BRK.B}). */
    public static final Pattern TICKER = Pattern.compile("[A-Z.]{1,10}");
    public static final List<String> RISK_PROFILES = List.of("conservative", "balanced", "aggressive");
    public static final String DEFAULT_RISK_PROFILE = "balanced";
    /** DESIGN section 1: the seed's alerts run every five minutes. */
    public static final Timeframe DEFAULT_TIMEFRAME = Timeframe.M5;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;

    private ModelRequestValidator() {
    }

    /** Bar sizes a model may use, as labels ({@code 1m, 5m, 15m, 1h, 1d}). */
    public static List<String> modelTimeframes() {
        return Arrays.stream(Timeframe.values()).filter(Timeframe::isModelTimeframe).map(Timeframe::label).toList();
    }

    /** Checks that need no pack: required fields, model id, ticker, timeframe, risk profile, lengths. */
    public static List<FieldError> checkFields(CreateModelCommand c) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(c.modelId())) {
            errors.add(FieldError.of("model_id", "model_id is required"));
        } else if (!MODEL_ID.matcher(c.modelId()).matches()) {
            errors.add(FieldError.of("model_id", "model_id must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit, not '"
                    + c.modelId() + "'"));
        }
        if (blank(c.packId())) {
            errors.add(FieldError.of("pack_id", "pack_id is required"));
        }
        if (blank(c.name())) {
            errors.add(FieldError.of("name", "name is required"));
        } else if (c.name().length() > MAX_NAME) {
            errors.add(FieldError.of("name", "name must be at most " + MAX_NAME + " characters"));
        }
        if (c.description() != null && c.description().length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", "description must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (blank(c.ticker())) {
            errors.add(FieldError.of("ticker", "ticker is required"));
        } else if (!TICKER.matcher(c.ticker()).matches()) {
            errors.add(FieldError.of("ticker", "ticker must be 1 to 10 upper-case letters or '.', not '" + c.ticker() + "'"));
        }
        if (c.timeframe() != null) {
            boolean ok;
            try {
                ok = Timeframe.parse(c.timeframe()).isModelTimeframe();
            } catch (IllegalArgumentException e) {
                ok = false;
            }
            if (!ok) {
                errors.add(new FieldError("timeframe", "unknown timeframe '" + c.timeframe() + "'", modelTimeframes()));
            }
        }
        if (c.riskProfile() != null && !RISK_PROFILES.contains(c.riskProfile())) {
            errors.add(new FieldError("risk_profile", "unknown risk profile '" + c.riskProfile() + "'", RISK_PROFILES));
        }
        return errors;
    }

    /**
     * Checks the request against its pack, adding problems to {@code errors}.
     *
     * @return the validated model, or null if any problem was found (then {@code errors} says which)
     */
    public static ValidatedModel checkAgainstPack(CreateModelCommand c, Pack pack, List<FieldError> errors) {
        List<String> instruments = pack.info().supportedInstruments();
        String instrument = c.instrument() == null ? pack.info().defaultInstrument() : c.instrument();
        if (instrument == null || (!instruments.isEmpty() && !instruments.contains(instrument))) {
            errors.add(new FieldError("instrument", "pack " + pack.id() + " does not support instrument '" + instrument + "'", instruments));
        }

        StrategyConfig config = null;
        if (blank(c.strategyId())) {
            errors.add(new FieldError("strategy_id", "strategy_id is required", pack.strategyIds()));
        } else if (pack.strategy(c.strategyId()).isEmpty()) {
            errors.add(new FieldError("strategy_id", "unknown strategy '" + c.strategyId() + "' in pack " + pack.id(), pack.strategyIds()));
        } else {
            config = applyOverrides(pack, c.strategyId(), c.parameterOverrides(), errors);
        }

        List<String> indicators = selection("selected_indicators", "indicator", c.selectedIndicators(), pack.indicatorIds(), pack, errors);
        if (indicators != null && indicators.isEmpty()) {
            errors.add(new FieldError("selected_indicators", "select at least one indicator", pack.indicatorIds()));
        }
        List<String> features = selection("selected_features", "feature", c.selectedFeatures(), pack.featureIds(), pack, errors);

        if (!errors.isEmpty()) { // this check's or an earlier one's (a bad timeframe must not reach Timeframe.parse)
            return null;
        }
        Timeframe timeframe = c.timeframe() == null ? DEFAULT_TIMEFRAME : Timeframe.parse(c.timeframe());
        String risk = c.riskProfile() == null ? DEFAULT_RISK_PROFILE : c.riskProfile();
        return new ValidatedModel(pack, instrument, c.ticker(), timeframe, risk, indicators, features, config);
    }

    /** Each override on its own against the defaults (so that every bad key is reported), then all in order. */
    private static StrategyConfig applyOverrides(Pack pack, String strategyId, Map<String, Object> overrides, List<FieldError> errors) {
        StrategyConfig defaults = StrategyConfig.defaults(pack, strategyId);
        if (overrides == null || overrides.isEmpty()) {
            return defaults;
        }
        boolean ok = true;
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            try {
                defaults.with(e.getKey(), e.getValue());
            } catch (ConfigException ex) {
                ok = false;
                errors.add(new FieldError("parameter_overrides." + e.getKey(), ex.getMessage(), ex.validChoices()));
            }
        }
        if (!ok) {
            return null;
        }
        try {
            return StrategyConfig.resolve(pack, strategyId, overrides);
        } catch (ConfigException ex) {
            errors.add(new FieldError("parameter_overrides." + ex.key(), ex.getMessage(), ex.validChoices()));
            return null;
        }
    }

    private static List<String> selection(String field, String what, List<String> selected, List<String> valid, Pack pack,
                                          List<FieldError> errors) {
        if (selected == null) {
            return valid;
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            String id = selected.get(i);
            String path = field + "[" + i + "]";
            if (id == null || !valid.contains(id)) {
                errors.add(new FieldError(path, "unknown " + what + " '" + id + "' in pack " + pack.id(), valid));
            } else if (!seen.add(id)) {
                errors.add(FieldError.of(path, what + " '" + id + "' is selected twice"));
            } else {
                out.add(id);
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
