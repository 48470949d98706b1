package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.validation.SafeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks of a publish request that need no other service, each naming its field. */
final class PublicationRequestValidator {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ALERTS_PER_DAY = 1000;
    static final double DEFAULT_PAPER_EQUITY = 50_000;
    /** Paper equity at most a trillion dollars (a guard against typing errors, not a business rule). */
    static final double MAX_PAPER_EQUITY = 1e12;
    private static final Pattern SAFE_ID = Pattern.compile(SafeId.PATTERN);

    private PublicationRequestValidator() {
    }

    /** Problems with the request's own fields (not the trained model's). */
    static List<FieldError> checkFields(PublishCommand c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.trainedModelId() == null || c.trainedModelId().isBlank()) {
            errors.add(FieldError.of("trained_model_id", "required"));
        } else if (!SAFE_ID.matcher(c.trainedModelId()).matches()) {
            errors.add(FieldError.of("trained_model_id", "must be 1 to 128 letters, digits, '_', '.', '+' or '-', starting "
                    + "with a letter or digit"));
        }
        if (!c.settingsGiven()) {
            errors.add(FieldError.of("publish_settings", "required"));
            return errors;
        }
        if (c.name() == null || c.name().isBlank()) {
            errors.add(FieldError.of("publish_settings.name", "required"));
        } else if (c.name().length() > MAX_NAME) {
            errors.add(FieldError.of("publish_settings.name", "at most " + MAX_NAME + " characters, got " + c.name().length()));
        }
        if (c.description() != null && c.description().length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("publish_settings.description", "at most " + MAX_DESCRIPTION + " characters, got "
                    + c.description().length()));
        }
        if (c.alertFrequency() != null && AlertFrequency.timeframe(c.alertFrequency()).isEmpty()) {
            errors.add(new FieldError("publish_settings.alert_frequency", "unknown alert frequency '" + c.alertFrequency() + "'",
                    AlertFrequency.SPELLINGS));
        }
        if (c.maxAlertsPerDay() == null) {
            errors.add(FieldError.of("publish_settings.max_alerts_per_day", "required (at least 1)"));
        } else if (c.maxAlertsPerDay() < 1 || c.maxAlertsPerDay() > MAX_ALERTS_PER_DAY) {
            errors.add(FieldError.of("publish_settings.max_alerts_per_day", "must be 1 to " + MAX_ALERTS_PER_DAY + ", got "
                    + c.maxAlertsPerDay()));
        }
        if (paperFirst(c)) {
            Integer days = c.paperTradeDurationDays();
            if (days == null) {
                errors.add(FieldError.of("publish_settings.paper_trade_duration_days", "required when paper_trade_first is true"
                        + " (trading sessions, at least 1)"));
            } else if (days < 1 || days > PaperPeriod.MAX_SESSIONS) {
                errors.add(FieldError.of("publish_settings.paper_trade_duration_days", "must be 1 to " + PaperPeriod.MAX_SESSIONS
                        + " trading sessions, got " + days));
            }
        }
        if (c.paperEquity() != null && !(c.paperEquity() > 0 && c.paperEquity() <= MAX_PAPER_EQUITY)) {
            errors.add(FieldError.of("paper_equity", "must be a number above 0 (dollars, at most 1e12), got " + c.paperEquity()));
        }
        feed(c.feed(), errors);
        recommendationRules(c.recommendationRules(), errors);
        return errors;
    }

    /** The rules a publication may set for its paper recommendation and their ranges (sim-service's names). */
    static final Map<String, double[]> RULES = Map.of(
            "min_trades", new double[] {0, 1000, 1},
            "win_rate_tolerance", new double[] {0, 1, 0},
            "sharpe_fraction_of_backtest", new double[] {0, 10, 0},
            "max_drawdown", new double[] {Double.MIN_VALUE, 1, 0},
            "max_reconciliation_mismatches", new double[] {0, 1000, 1});

    /** The rules {@code given} sets (an empty map for none), each checked; problems are added to {@code errors}. */
    static Map<String, Double> recommendationRules(Object given, List<FieldError> errors) {
        if (given == null) {
            return Map.of();
        }
        String field = "publish_settings.recommendation_rules";
        if (!(given instanceof Map<?, ?> map)) {
            errors.add(FieldError.of(field, "must be an object of rules, e.g. {\"min_trades\": 8}"));
            return Map.of();
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> {
            double[] range = RULES.get(String.valueOf(k));
            if (range == null) {
                errors.add(new FieldError(field + "." + k, "unknown rule", new java.util.TreeSet<>(RULES.keySet()).stream().toList()));
            } else if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < range[0]
                    || n.doubleValue() > range[1] || range[2] == 1 && n.doubleValue() != Math.rint(n.doubleValue())) {
                errors.add(FieldError.of(field + "." + k, "must be " + (range[2] == 1 ? "a whole number " : "a number ")
                        + (range[0] == Double.MIN_VALUE ? "above 0" : "from " + fmt(range[0])) + " to " + fmt(range[1])
                        + ", got " + v));
            } else {
                out.put(String.valueOf(k), n.doubleValue());
            }
        });
        return out;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static boolean paperFirst(PublishCommand c) {
        return c.paperTradeFirst() == null || c.paperTradeFirst();
    }

    /** The feed the request names, or null (with an error added) when it names none correctly. */
    static Feed feed(Object feed, List<FieldError> errors) {
        if (feed == null || "live".equals(feed)) {
            return Feed.LIVE;
        }
        if (feed instanceof Map<?, ?> map) {
            if (map.size() != 1 || !map.containsKey("replay_id")) {
                errors.add(FieldError.of("feed", "expected \"live\" or {\"replay_id\": \"<id>\"}, got an object with "
                        + map.keySet()));
                return null;
            }
            if (!(map.get("replay_id") instanceof String id) || !SAFE_ID.matcher(id).matches()) {
                errors.add(FieldError.of("feed.replay_id", "must be 1 to 128 letters, digits, '_', '.', '+' or '-', starting "
                        + "with a letter or digit"));
                return null;
            }
            return new Feed(id);
        }
        errors.add(new FieldError("feed", "expected \"live\" or {\"replay_id\": \"<id>\"}", List.of("live")));
        return null;
    }
}
