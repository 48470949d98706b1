package com.sigmatiq.engine.expr;

/**
 * Per-series state of {@code detect_divergence}: the last n+1 values, the change over n bars
 * (v[t] − v[t−n]) and the population standard deviation of the last n values.
 *
 * <p>σ is two passes over the window of deviations from a pivot (the newest value): d = v − pivot is
 * exact or nearly so for values near the pivot, so the mean of d and Σ(d − mean)² keep their precision
 * even when the values differ only in their last bits — a mean taken of the raw values (or of running
 * sums) carries a rounding error as large as such a spread and can turn σ, and the result, into noise.
 * O(n) per value. Non-finite values make the series not {@link #ready()} while they are among the last
 * n+1 values. A window whose n values are all equal has σ = 0 exactly.
 */
final class RollingDeviation {

    private final int n;
    private final double[] ring; // last n+1 values, ring[pos] is the newest
    private int pos;
    private int pushed;          // saturating at n+1
    private int sinceInvalid;    // saturating at n+1
    private int equalRun;        // length of the run of equal finite values ending at the newest

    RollingDeviation(int n) {
        this.n = n;
        this.ring = new double[n + 1];
        reset();
    }

    void reset() {
        pos = n; // the first push goes to slot 0
        pushed = 0;
        sinceInvalid = n + 1;
        equalRun = 0;
    }

    void push(double v) {
        double previous = ring[pos];
        boolean hadPrevious = pushed > 0;
        pos = pos == n ? 0 : pos + 1;
        ring[pos] = v; // overwrites v[t−n−1]
        if (pushed <= n) {
            pushed++;
        }
        boolean finite = Double.isFinite(v);
        if (finite) {
            if (sinceInvalid <= n) {
                sinceInvalid++;
            }
            equalRun = hadPrevious && previous == v ? equalRun + 1 : 1;
        } else {
            sinceInvalid = 0;
            equalRun = 0;
        }
    }

    /** Whether n+1 values have been pushed and the last n+1 are all finite. */
    boolean ready() {
        return pushed > n && sinceInvalid > n;
    }

    /** (v[t] − v[t−n]) / σ, or 0 when σ is 0. Only meaningful when {@link #ready()}. */
    double standardizedChange() {
        if (equalRun >= n) {
            return 0;
        }
        double pivot = ring[pos];
        double sumD = 0;
        int i = pos;
        for (int k = 0; k < n; k++) {
            sumD += ring[i] - pivot;
            i = i == 0 ? n : i - 1;
        }
        double meanD = sumD / n;
        double squares = 0;
        i = pos;
        for (int k = 0; k < n; k++) {
            double d = ring[i] - pivot - meanD;
            squares += d * d;
            i = i == 0 ? n : i - 1;
        }
        double variance = squares / n;
        if (!(variance > 0)) {
            return 0;
        }
        double change = ring[pos] - ring[pos == n ? 0 : pos + 1];
        return change / Math.sqrt(variance);
    }
}
