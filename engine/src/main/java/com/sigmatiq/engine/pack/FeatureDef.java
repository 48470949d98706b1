package com.sigmatiq.engine.pack;

import com.sigmatiq.engine.expr.ValueType;

/** A feature: a named formula over bar fields, indicator outputs and earlier features. */
public record FeatureDef(String id, String name, String calculation, ValueType type) {
}
