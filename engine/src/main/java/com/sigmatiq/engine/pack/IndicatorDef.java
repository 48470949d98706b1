package com.sigmatiq.engine.pack;

import com.sigmatiq.engine.indicator.IndicatorKind;
import java.util.Arrays;
import java.util.List;

/**
 * One indicator entry of a pack.
 *
 * @param id       unique id in the pack ({@code ema_20})
 * @param kind     resolved kind ({@code ema})
 * @param category the group it is listed under in {@code indicators.yaml} ({@code trend}), or null
 * @param params   every parameter of the kind in {@link IndicatorKind#params()} order, defaults filled in
 */
public record IndicatorDef(String id, IndicatorKind kind, String name, String category, double[] params) {

    public IndicatorDef {
        params = params.clone();
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    public double param(String name) {
        int i = kind.paramIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException(kind.id() + " has no parameter '" + name + "'");
        }
        return params[i];
    }

    /** Output names usable in formulas. */
    public List<String> outputNames() {
        return kind.outputNames(id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorDef d && d.id.equals(id) && d.kind == kind && java.util.Objects.equals(d.name, name)
                && java.util.Objects.equals(d.category, category) && Arrays.equals(d.params, params);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return "IndicatorDef[" + id + ": " + kind.id() + " " + Arrays.toString(params) + "]";
    }
}
