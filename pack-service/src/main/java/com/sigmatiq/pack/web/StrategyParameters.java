package com.sigmatiq.pack.web;

import java.util.List;

/**
 * What a model of one strategy of a pack version may override ({@code parameter_overrides}, a sweep's
 * {@code parameters}): every key the engine accepts, in its canonical order, with the pack's default value.
 */
public record StrategyParameters(String packId, String version, String strategyId, List<Parameter> parameters) {

    /** One key and its default (a number, a boolean, or {@code allowed_hours}' {@code "all_day"} or hour list). */
    public record Parameter(String key, Object defaultValue) {
    }
}
