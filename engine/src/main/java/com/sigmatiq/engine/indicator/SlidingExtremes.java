package com.sigmatiq.engine.indicator;

/**
 * Minimum and maximum over a sliding window of w bars, for a whole column: van Herk / Gil-Werman. The column
 * is cut into blocks of w; the window [i−w+1, i] spans the end of one block and the start of the next, so its
 * extreme is the extreme of a suffix of the first block and a prefix of the second. About three operations
 * per value and no data-dependent branch (Math.min/max), however the data moves; min and max are exact, so the
 * values are those of any other method. Values before index w−1 are left untouched. A NaN in a window makes
 * its extreme NaN.
 */
final class SlidingExtremes {

    private SlidingExtremes() {
    }

    /** out[i] = min(x[i−w+1..i]) for i in [w−1, n). */
    static void min(double[] x, int n, int w, double[] out) {
        extremes(x, n, w, out, false);
    }

    /** out[i] = max(x[i−w+1..i]) for i in [w−1, n). */
    static void max(double[] x, int n, int w, double[] out) {
        extremes(x, n, w, out, true);
    }

    private static void extremes(double[] x, int n, int w, double[] out, boolean max) {
        if (n < w) {
            return;
        }
        double[] prefix = new double[w];
        double[] suffix = new double[w];
        double[] previousSuffix = new double[w];
        for (int start = 0; start < n; start += w) {
            int len = Math.min(n - start, w);
            double p = x[start];
            double s = x[start + len - 1];
            if (max) {
                for (int k = 0, b = len - 1; k < len; k++, b--) {
                    p = Math.max(x[start + k], p);
                    prefix[k] = p;
                    s = Math.max(x[start + b], s);
                    suffix[b] = s;
                }
            } else {
                for (int k = 0, b = len - 1; k < len; k++, b--) {
                    p = Math.min(x[start + k], p);
                    prefix[k] = p;
                    s = Math.min(x[start + b], s);
                    suffix[b] = s;
                }
            }
            if (start == 0) {
                out[w - 1] = suffix[0]; // the first full window is this block
            } else {
                // i = start + k: the window starts in the previous block at offset k + 1, or at this block's start
                int head = Math.min(len, w - 1);
                if (max) {
                    for (int k = 0; k < head; k++) {
                        out[start + k] = Math.max(previousSuffix[k + 1], prefix[k]);
                    }
                } else {
                    for (int k = 0; k < head; k++) {
                        out[start + k] = Math.min(previousSuffix[k + 1], prefix[k]);
                    }
                }
                if (len == w) {
                    out[start + w - 1] = suffix[0];
                }
            }
            double[] t = previousSuffix;
            previousSuffix = suffix;
            suffix = t;
        }
    }
}
