package com.sigmatiq.engine.indicator;

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
}
