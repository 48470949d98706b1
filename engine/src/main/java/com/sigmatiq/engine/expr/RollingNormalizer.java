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

    /** Block-long scratch for {@link #batch}: extremes of the current block and the one before, and results. */
    static final class BatchScratch {
        final double[] prefixMin;
        final double[] prefixMax;
        double[] suffixMin;
        double[] suffixMax;
        double[] previousSuffixMin;
        double[] previousSuffixMax;
        final double[] lo;
        final double[] hi;
        final double[] values;

        BatchScratch(int window) {
            prefixMin = new double[window];
            prefixMax = new double[window];
            suffixMin = new double[window];
            suffixMax = new double[window];
            previousSuffixMin = new double[window];
            previousSuffixMax = new double[window];
            lo = new double[window];
            hi = new double[window];
            values = new double[window];
        }

        void swapSuffixes() {
            double[] t = previousSuffixMin;
            previousSuffixMin = suffixMin;
            suffixMin = t;
            t = previousSuffixMax;
            previousSuffixMax = suffixMax;
            suffixMax = t;
        }
    }

    /**
     * The whole column at once, with the same results as pushing every value: van Herk / Gil-Werman. The
     * column is cut into blocks of w; the window [i−w+1, i] spans the end of block q−1 and the start of block
     * q, so its min is min(suffix min of block q−1 at i−w+1, prefix min of block q at i), and likewise its max.
     * Only two blocks are live at a time, so the scratch stays in cache. The prefix and suffix scans run in one
     * loop (four independent chains); the rest are whole-array loops the JIT vectorizes.
     *
     * <p>Math.min/max rather than comparisons: no branch to mispredict on data that goes up and down. Where
     * they pick another zero than the deques (−0.0 against 0.0, equal extremes) the result is the same bit for
     * bit: x − lo and hi − lo do not depend on the sign of a zero extreme unless x is that zero, and then both
     * pick an extreme of x's sign. A window with a non-finite value is NaN either way.
     */
    static void batch(double[] x, int n, int window, double[] out, BatchScratch s) {
        double[] pMin = s.prefixMin;
        double[] pMax = s.prefixMax;
        double[] lo = s.lo;
        double[] hi = s.hi;
        double[] v = s.values;
        int lastInvalid = -1;
        for (int start = 0; start < n; start += window) {
            int len = Math.min(n - start, window);
            System.arraycopy(x, start, v, 0, len);
            double[] sMin = s.suffixMin;
            double[] sMax = s.suffixMax;
            double pLo = v[0];
            double pHi = pLo;
            double sLo = v[len - 1];
            double sHi = sLo;
            for (int k = 0, b = len - 1; k < len; k++, b--) {
                double a = v[k];
                pLo = Math.min(a, pLo);
                pHi = Math.max(a, pHi);
                pMin[k] = pLo;
                pMax[k] = pHi;
                double c = v[b];
                sLo = Math.min(c, sLo);
                sHi = Math.max(c, sHi);
                sMin[b] = sLo;
                sMax[b] = sHi;
            }
            for (int k = len - 1; k >= 0; k--) {
                if (!Double.isFinite(v[k])) {
                    lastInvalid = start + k;
                    break;
                }
            }
            if (start == 0) {
                // no previous block: a full window ends only at the block's last bar, and holds the block
                for (int k = 0; k < len; k++) {
                    out[k] = Double.NaN;
                }
                if (len == window && lastInvalid < 0) {
                    out[len - 1] = scale(v[len - 1], sMin[0], sMax[0]);
                }
                s.swapSuffixes();
                continue;
            }
            // j = i − w + 1 lies in the previous block at offset k + 1, or is this block's start when k = w − 1
            double[] qMin = s.previousSuffixMin;
            double[] qMax = s.previousSuffixMax;
            int head = Math.min(len, window - 1);
            for (int k = 0; k < head; k++) {
                lo[k] = Math.min(qMin[k + 1], pMin[k]);
                hi[k] = Math.max(qMax[k + 1], pMax[k]);
            }
            if (len == window) {
                lo[window - 1] = Math.min(sMin[0], pMin[window - 1]);
                hi[window - 1] = Math.max(sMax[0], pMax[window - 1]);
            }
            for (int k = 0; k < len; k++) {
                v[k] = (v[k] - lo[k]) / (hi[k] - lo[k]);
            }
            for (int k = 0; k < len; k++) {
                if (hi[k] == lo[k]) {
                    v[k] = 0.5;
                }
            }
            System.arraycopy(v, 0, out, start, len);
            if (lastInvalid > start - window) {
                // a non-finite value in this block or the one before: NaN for every window that holds it
                maskInvalid(x, start, len, window, out);
            }
            s.swapSuffixes();
        }
    }

    /** NaN for i in [start, start+len) where x[i−w+1..i] holds a non-finite value. */
    private static void maskInvalid(double[] x, int start, int len, int window, double[] out) {
        int lastInvalid = -1;
        for (int i = Math.max(0, start - window + 1); i < start + len; i++) {
            if (!Double.isFinite(x[i])) {
                lastInvalid = i;
            }
            if (i >= start && lastInvalid > i - window) {
                out[i] = Double.NaN;
            }
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
