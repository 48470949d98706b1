package com.sigmatiq.engine.backtest;

import java.util.Objects;

/**
 * What the signal layer hands the simulator, one entry per bar of the series.
 *
 * @param confidence    entry score or model probability at bar t's close, in [0, 1]; NaN never enters
 * @param entryEligible everything an entry needs at close t except being flat and the threshold:
 *                      warm-up done, hour allowed, no {@code exit_logic} line holds
 * @param exitSignal    an {@code exit_logic} line holds at close t
 */
public record SignalColumns(double[] confidence, boolean[] entryEligible, boolean[] exitSignal) {

    public SignalColumns {
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(entryEligible, "entryEligible");
        Objects.requireNonNull(exitSignal, "exitSignal");
        if (entryEligible.length != confidence.length || exitSignal.length != confidence.length) {
            throw new IllegalArgumentException("signal columns must have equal lengths: confidence " + confidence.length
                    + ", entryEligible " + entryEligible.length + ", exitSignal " + exitSignal.length);
        }
    }

    /** Number of bars covered. */
    public int size() {
        return confidence.length;
    }
}
