package com.sigmatiq.engine.expr;

/**
 * A parsed and type-checked expression, ready to evaluate over columns (batch) or bar by bar
 * (streaming). Immutable; {@link #evaluate} may be called from several threads at once.
 */
public interface CompiledExpression {

    /** The text it was compiled from. */
    String source();

    /** The type of its result. */
    ValueType type();

    /** Distinct slots this expression reads directly, ascending. */
    int[] referencedSlots();

    /**
     * Batch evaluation: {@code columns[slot]} holds that symbol's column (only referenced slots need
     * be non-null, each at least {@code n} long); booleans are 1.0/0.0. Writes {@code out[0..n)}:
     * 1.0/0.0 for a boolean expression (never NaN), any double for a number. {@code out} must not be
     * one of the input columns.
     *
     * @throws IllegalArgumentException when a referenced column is missing or shorter than n, or out is
     *                                  shorter than n
     */
    void evaluate(double[][] columns, int n, double[] out);

    /** A fresh streaming evaluator; its values equal {@link #evaluate}'s bar for bar (bitwise). */
    ExpressionStream stream();
}
