package com.sigmatiq.engine.indicator;

/**
 * Minimum and maximum over a sliding window of w bars, for a whole column: van Herk / Gil-Werman. The column
 * is cut into blocks of w; the window [i−w+1, i] spans the end of one block and the start of the next, so its
 * extreme is the extreme of a suffix of the first block and a prefix of the second. About three operations
 * per value and no data-dependent branch (Math.min/max), however the data moves; min and max are exact, so the
 * values are those of any other method (up to the sign of a zero among equal extremes). Values before index w−1
 * are left untouched. A NaN in a window makes its extreme NaN. Used by the stochastic's window and by the
 * expression language's {@code normalized}.
 */
public final class SlidingExtremes {

    private SlidingExtremes() {
    }

    /** The block buffers of one window length; reusable by one thread at a time, so a caller allocates once. */
    public static final class Scratch {
        final int window;
        final double[] prefixMin;
        final double[] prefixMax;
        final double[] suffixMin;
        final double[] suffixMax;
        final double[] previousSuffixMin;
        final double[] previousSuffixMax;
        final double[] blockLows;
        final double[] blockHighs;

        public Scratch(int window) {
            this.window = window;
            this.prefixMin = new double[window];
            this.prefixMax = new double[window];
            this.suffixMin = new double[window];
            this.suffixMax = new double[window];
            this.previousSuffixMin = new double[window];
            this.previousSuffixMax = new double[window];
            this.blockLows = new double[window];
            this.blockHighs = new double[window];
        }
    }

    /**
     * min[i] = min(lows[i−w+1..i]) and max[i] = max(highs[i−w+1..i]) for i in [w−1, n), in one pass (four
     * independent chains per bar); {@code lows} and {@code highs} may be the same column.
     */
    public static void minMax(double[] lows, double[] highs, int n, int w, double[] min, double[] max, Scratch scratch) {
        if (scratch.window != w) {
            throw new IllegalArgumentException("scratch for a window of " + scratch.window + ", not " + w);
        }
        if (n < w) {
            return;
        }
        double[] pMin = scratch.prefixMin;
        double[] pMax = scratch.prefixMax;
        double[] sMin = scratch.suffixMin;
        double[] sMax = scratch.suffixMax;
        double[] qMin = scratch.previousSuffixMin;
        double[] qMax = scratch.previousSuffixMax;
        double[] l = scratch.blockLows;
        double[] h = scratch.blockHighs;
        for (int start = 0; start < n; start += w) {
            int len = Math.min(n - start, w);
            // the block in buffers of its own: the scans then read arrays at their own index
            System.arraycopy(lows, start, l, 0, len);
            System.arraycopy(highs, start, h, 0, len);
            double pLo = l[0];
            double pHi = h[0];
            double sLo = l[len - 1];
            double sHi = h[len - 1];
            for (int k = 0, b = len - 1; k < len; k++, b--) {
                pLo = Math.min(l[k], pLo);
                pHi = Math.max(h[k], pHi);
                pMin[k] = pLo;
                pMax[k] = pHi;
                sLo = Math.min(l[b], sLo);
                sHi = Math.max(h[b], sHi);
                sMin[b] = sLo;
                sMax[b] = sHi;
            }
            if (start == 0) {
                min[w - 1] = sMin[0]; // the first full window is this block
                max[w - 1] = sMax[0];
            } else {
                // i = start + k: the window starts in the previous block at offset k + 1, or at this block's start
                int head = Math.min(len, w - 1);
                for (int k = 0; k < head; k++) {
                    min[start + k] = Math.min(qMin[k + 1], pMin[k]);
                    max[start + k] = Math.max(qMax[k + 1], pMax[k]);
                }
                if (len == w) {
                    min[start + w - 1] = sMin[0];
                    max[start + w - 1] = sMax[0];
                }
            }
            double[] t = qMin;
            qMin = sMin;
            sMin = t;
            t = qMax;
            qMax = sMax;
            sMax = t;
        }
    }
}
