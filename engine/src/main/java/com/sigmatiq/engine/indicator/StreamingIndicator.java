package com.sigmatiq.engine.indicator;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * An indicator fed one closed bar at a time. Its values are bit-for-bit those of the batch kernel of
 * the same kind over the same bars ({@link Indicators#compute}); {@link #update} allocates nothing.
 */
public interface StreamingIndicator {

    /** Feeds the next closed bar. */
    void update(double open, double high, double low, double close, double volume);

    /** The current value of output {@code output} (in {@link IndicatorKind} order); NaN until that output is ready. */
    double value(int output);

    /** True once every output has a value. */
    boolean isReady();

    /** Bars needed before all outputs are ready: the largest TA-Lib lookback plus one. */
    int warmupBars();

    /** Forgets every bar seen, as if newly created. */
    void reset();

    /** Writes what it remembers of the bars seen (not its parameters), for {@link #readState}. */
    void writeState(StateWriter out);

    /**
     * Continues from state written by {@link #writeState} of an indicator of the same kind and parameters: its
     * values and later updates are then bit for bit those of the indicator that wrote it.
     */
    void readState(StateReader in);
}
