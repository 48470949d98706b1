package com.sigmatiq.engine.expr;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

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

    /** Writes what it remembers of the bars seen (ring buffers, previous values), for {@link #readState}. */
    void writeState(StateWriter out);

    /**
     * Continues from state written by {@link #writeState} of a stream of the same expression: its later results
     * are then bit for bit those of the stream that wrote it.
     */
    void readState(StateReader in);
}
