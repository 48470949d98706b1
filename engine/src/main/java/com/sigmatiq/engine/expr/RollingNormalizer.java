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
        double min = minVal[minHead];
        double max = maxVal[maxHead];
        return max == min ? 0.5 : (x - min) / (max - min);
    }

    private int next(int i) {
        return i + 1 == window ? 0 : i + 1;
    }

    private int index(int head, int offset) {
        int i = head + offset;
        return i >= window ? i - window : i;
    }
}
