package com.sigmatiq.engine.signal;

/**
 * A strategy's per-bar decisions over a series (DESIGN section 4, "Signals"), all taken at the bar's close.
 *
 * @param score       entry score: weighted share of entry lines that hold, in [0, 1]
 * @param ready       every name the entry and exit lines use is past its warm-up
 * @param hourAllowed the bar's start hour is allowed (always true on daily bars)
 * @param exit        some exit line holds
 */
public record Signals(double[] score, boolean[] ready, boolean[] hourAllowed, boolean[] exit) {

    public int size() {
        return score.length;
    }

    /** Whether bar {@code t}'s close may decide an entry, everything but flatness and the threshold considered. */
    public boolean eligible(int t) {
        return ready[t] && hourAllowed[t] && !exit[t];
    }
}
