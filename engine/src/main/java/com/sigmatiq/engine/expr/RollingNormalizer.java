package com.sigmatiq.engine.expr;

import com.sigmatiq.engine.indicator.SlidingExtremes;
import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

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

    /** Writes the live part of the deques (oldest first) and the counters; a restored deque starts at slot 0. */
    void writeState(StateWriter out) {
        out.putInt(minSize);
        for (int k = 0; k < minSize; k++) {
            int i = index(minHead, k);
            out.putInt(minSeq[i]);
            out.putDouble(minVal[i]);
        }
        out.putInt(maxSize);
        for (int k = 0; k < maxSize; k++) {
            int i = index(maxHead, k);
            out.putInt(maxSeq[i]);
            out.putDouble(maxVal[i]);
        }
        out.putInt(seq);
        out.putInt(filled);
        out.putInt(sinceInvalid);
    }

    void readState(StateReader in) {
        minHead = 0;
        minSize = size(in.getInt());
        for (int k = 0; k < minSize; k++) {
            minSeq[k] = in.getInt();
            minVal[k] = in.getDouble();
        }
        maxHead = 0;
        maxSize = size(in.getInt());
        for (int k = 0; k < maxSize; k++) {
            maxSeq[k] = in.getInt();
            maxVal[k] = in.getDouble();
        }
        seq = in.getInt();
        filled = in.getInt();
        sinceInvalid = in.getInt();
    }

    private int size(int n) {
        if (n < 0 || n > window) {
            throw new IllegalStateException("saved state does not fit: a deque of " + n + " entries in a window of " + window);
        }
        return n;
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

    /** Scratch for {@link #batch}: a column for the window's max, then its range (grown on demand), and block buffers. */
    static final class BatchScratch {
        final SlidingExtremes.Scratch extremes;
        double[] column = new double[0];

        BatchScratch(int window) {
            extremes = new SlidingExtremes.Scratch(window);
        }

        void ensure(int n) {
            if (column.length < n) {
                column = new double[n];
            }
        }
    }

    /**
     * The whole column at once, with the same results as pushing every value: the window's min (staged in
     * {@code out}) and max come from {@link SlidingExtremes} (van Herk blocks, no data-dependent branch), then the
     * scaling is one whole-column loop the JIT vectorizes. A window holds a non-finite value exactly when its min or
     * max is not finite (min and max are exact and pass NaN on), and the loop's extra term (hi − lo)·0 is NaN then
     * and +0 otherwise, so those windows are NaN without a branch. One more pass sets 0.5 where the range is 0 (a
     * flat finite window) and gives every NaN the bits of {@link Double#NaN}, as the streaming form returns it.
     * SlidingExtremes may pick another zero than the deques among equal extremes (−0.0 against 0.0); the result
     * is the same bit for bit: x − lo and hi − lo do not depend on the sign of a zero extreme unless x is that
     * zero, and then both pick an extreme of x's sign (so x − lo is never −0.0 and adding +0 changes nothing).
     */
    static void batch(double[] x, int n, int window, double[] out, BatchScratch s) {
        s.ensure(n);
        double[] lo = out;
        double[] range = s.column; // first the max, then hi − lo
        SlidingExtremes.minMax(x, x, n, window, lo, range, s.extremes);
        int first = Math.min(window - 1, n);
        for (int i = first; i < n; i++) {
            double r = range[i] - lo[i];
            range[i] = r;
            out[i] = (x[i] - lo[i]) / r + r * 0.0;
        }
        for (int i = 0; i < first; i++) {
            out[i] = Double.NaN;
        }
        for (int i = first; i < n; i++) {
            if (range[i] == 0.0) {
                out[i] = 0.5;
            } else if (out[i] != out[i]) {
                out[i] = Double.NaN; // the one NaN the streaming form returns, not the arithmetic's
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
