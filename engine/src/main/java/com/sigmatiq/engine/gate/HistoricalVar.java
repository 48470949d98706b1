package com.sigmatiq.engine.gate;

import java.util.Arrays;

/**
 * 95% historical value at risk of daily returns. Quantile convention: the lower empirical 5% quantile, i.e.
 * the k-th smallest return with k = ⌈0.05·n⌉ (at least 1) — Hyndman–Fan type 1, no interpolation; with 100
 * returns it is the 5th worst, with 20 or fewer the worst. VaR is that return negated, so a loss is
 * positive (0.021 = 2.1%); it is negative when even that return is a gain.
 */
public final class HistoricalVar {

    private HistoricalVar() {
    }

    /** VaR₉₅ as a positive fraction for a loss; NaN without returns. */
    public static double var95(double[] dailyReturns) {
        int n = dailyReturns.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = dailyReturns.clone();
        Arrays.sort(sorted);
        int k = Math.max(1, (5 * n + 99) / 100); // ⌈5n/100⌉ in integers
        return -sorted[k - 1];
    }
}
