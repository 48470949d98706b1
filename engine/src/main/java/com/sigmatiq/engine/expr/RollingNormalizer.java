package com.sigmatiq.engine.expr;

/**
 * The kernel of {@code normalized(x, n)}: min-max scaling of the newest value against the last n
 * values (newest included). O(1) amortized per value with two monotonic deques in preallocated
 * arrays; used by both batch and streaming evaluation so that they agree bitwise.
 *
 * <p>Result: NaN until n values have been pushed and while any of the last n is not finite;
 * 0.5 when the window's max equals its min; else (x − min) / (max − min).
 */
final class RollingNormalizer {

    private final int window;
    // deques of (sequence number, value), circular, each holding at most `window` entries
    private final int[] minSeq;
    private final double[] minVal;
    private final int[] maxSeq;
    private final double[] maxVal;
    private int minHead;
    private int minSize;
    private int maxHead;
    private int maxSize;
    private int seq;          // sequence number of the newest value; int wrap-around is harmless (ages are differences)
    private int filled;       // values pushed, saturating at window
    private int sinceInvalid; // values pushed since the newest non-finite one, saturating at window

    RollingNormalizer(int window) {
        this.window = window;
        this.minSeq = new int[window];
        this.minVal = new double[window];
        this.maxSeq = new int[window];
        this.maxVal = new double[window];
        reset();
    }

    void reset() {
        minHead = 0;
        minSize = 0;
        maxHead = 0;
        maxSize = 0;
        seq = 0;
        filled = 0;
        sinceInvalid = window;
    }

    double push(double x) {
        seq++;
        if (filled < window) {
            filled++;
        }
        if (!Double.isFinite(x)) {
            // every value now in the deques leaves the window before this one does
            sinceInvalid = 0;
            minSize = 0;
            maxSize = 0;
            return Double.NaN;
        }
        if (sinceInvalid < window) {
            sinceInvalid++;
        }
        // drop entries that left the window [seq - window + 1, seq]
        while (minSize > 0 && seq - minSeq[minHead] >= window) {
            minHead = next(minHead);
            minSize--;
        }
        while (maxSize > 0 && seq - maxSeq[maxHead] >= window) {
            maxHead = next(maxHead);
            maxSize--;
        }
        // keep the deques monotonic: min ascending, max descending from the head
        while (minSize > 0 && minVal[index(minHead, minSize - 1)] >= x) {
            minSize--;
        }
        int mi = index(minHead, minSize++);
        minSeq[mi] = seq;
        minVal[mi] = x;
        while (maxSize > 0 && maxVal[index(maxHead, maxSize - 1)] <= x) {
            maxSize--;
        }
        int ma = index(maxHead, maxSize++);
        maxSeq[ma] = seq;
        maxVal[ma] = x;

        if (filled < window || sinceInvalid < window) {
            return Double.NaN;
        }
        return scale(x, minVal[minHead], maxVal[maxHead]);
    }

    /** (x − min) / (max − min), 0.5 when they are equal. */
    private static double scale(double x, double min, double max) {
        return max == min ? 0.5 : (x - min) / (max - min);
    }

    /** Scratch columns for {@link #batch}; grown on demand and reused. */
    static final class BatchScratch {
        double[] prefixMin = new double[0];
        double[] prefixMax = new double[0];
        double[] suffixMin = new double[0];
        double[] suffixMax = new double[0];

        void ensure(int n) {
            if (prefixMin.length < n) {
                prefixMin = new double[n];
                prefixMax = new double[n];
                suffixMin = new double[n];
                suffixMax = new double[n];
            }
        }
    }

    /**
     * The whole column at once, with the same results as pushing every value (min and max are exact, so
     * any algorithm finds the same extremes): van Herk / Gil-Werman block prefix and suffix extremes, three
     * comparisons per value and no data-dependent loop, several times faster than the deques on a column.
     * Among equal extremes (0.0 and −0.0) both pick the newest, as the deques do, so results agree bitwise.
     */
    static void batch(double[] x, int n, int window, double[] out, BatchScratch s) {
        s.ensure(n);
        double[] pMin = s.prefixMin;
        double[] pMax = s.prefixMax;
        double[] sMin = s.suffixMin;
        double[] sMax = s.suffixMax;
        for (int start = 0; start < n; start += window) {
            int end = Math.min(n, start + window);
            double lo = x[start];
            double hi = x[start];
            pMin[start] = lo;
            pMax[start] = hi;
            for (int i = start + 1; i < end; i++) {
                double v = x[i];
                lo = v <= lo ? v : lo;
                hi = v >= hi ? v : hi;
                pMin[i] = lo;
                pMax[i] = hi;
            }
            lo = x[end - 1];
            hi = x[end - 1];
            sMin[end - 1] = lo;
            sMax[end - 1] = hi;
            for (int i = end - 2; i >= start; i--) {
                double v = x[i];
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
                sMin[i] = lo;
                sMax[i] = hi;
            }
        }
        int lastInvalid = -1;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                lastInvalid = i;
            }
            int j = i - window + 1;
            if (j < 0 || lastInvalid >= j) {
                out[i] = Double.NaN;
                continue;
            }
            double lo = sMin[j] < pMin[i] ? sMin[j] : pMin[i];
            double hi = sMax[j] > pMax[i] ? sMax[j] : pMax[i];
            out[i] = scale(v, lo, hi);
        }
    }

    private int next(int i) {
        return i + 1 == window ? 0 : i + 1;
    }

    private int index(int head, int offset) {
        int i = head + offset;
        return i >= window ? i - window : i;
    }
}
