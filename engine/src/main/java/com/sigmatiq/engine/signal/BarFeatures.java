package com.sigmatiq.engine.signal;

/**
 * One bar at its close as a {@link ConfidenceModel} sees it: the entry score, the value of every name the plan
 * computes (by slot of the pack's symbols), and the calendar facts a trained model may use. A view, valid only during
 * the call that receives it; reading it allocates nothing.
 */
public interface BarFeatures {

    /** Start of the bar, epoch ms UTC. */
    long time();

    /** Weighted share of the strategy's entry lines that hold at this close, in [0, 1]. */
    double entryScore();

    /** This bar's value of the name in {@code slot} of the pack's symbols; NaN for a name the plan does not compute. */
    double value(int slot);

    /** Exchange-local hour (0–23) of the bar's start. */
    int hour();

    /** ISO day of the week of the bar's session: 1 = Monday … 7 = Sunday. */
    int dayOfWeek();

    /** ISO day of the week (1 = Monday) of an epoch day. */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L) + 1;
    }
}
