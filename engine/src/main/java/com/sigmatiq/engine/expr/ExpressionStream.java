package com.sigmatiq.engine.expr;

/**
 * Bar-by-bar evaluation of a {@link CompiledExpression}. Holds state (ring buffers) and is therefore
 * not thread-safe: one stream per series and thread. {@link #update} allocates nothing.
 */
public interface ExpressionStream {

    /**
     * Feeds one bar: {@code values[slot]} = this bar's value of each symbol (booleans 1.0/0.0; only
     * referenced slots are read). Returns this bar's result (a boolean as 1.0/0.0).
     */
    double update(double[] values);

    /** Forgets all bars seen, as if freshly created. */
    void reset();
}
