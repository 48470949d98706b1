package com.sigmatiq.engine.expr;

/**
 * Per-series state of {@code detect_divergence}: the last n+1 values, the change over n bars
 * (v[t] − v[t−n]) and the population standard deviation of the last n values, from running sums.
 *
 * <p>The running sums are taken of {@code v − shift} (shift = a recent value) and rebuilt from the
 * ring every n values, which bounds both cancellation and drift; the cost stays O(1) amortized.
 * Non-finite values add nothing to the sums and make the series not {@link #ready()} while they are
 * among the last n+1 values. A window whose n values are all equal has σ = 0 exactly (tracked by
 * the length of the run of equal values, not by the sums).
 */
final class RollingDeviation {

    private final int n;
    private final double[] ring; // last n+1 values, ring[pos] is the newest
    private int pos;
    private int pushed;          // saturating at n+1
    private int sinceInvalid;    // saturating at n+1
    private int equalRun;        // length of the run of equal finite values ending at the newest
    private int sinceRebuild;
    private double shift;
    private double sum;          // Σ (v − shift) over the last n finite values
    private double sumSq;        // Σ (v − shift)²

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
        sinceRebuild = 0;
        shift = Double.NaN;
        sum = 0;
        sumSq = 0;
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
        if (Double.isNaN(shift) && finite) {
            shift = v;
        }
        if (++sinceRebuild >= n) {
            rebuild(finite ? v : shift);
            return;
        }
        if (finite) {
            double d = v - shift;
            sum += d;
            sumSq += d * d;
        }
        if (pushed > n) { // v[t−n] leaves the window of the last n values
            double old = ring[pos == n ? 0 : pos + 1];
            if (Double.isFinite(old)) {
                double d = old - shift;
                sum -= d;
                sumSq -= d * d;
            }
        }
    }

    private void rebuild(double newShift) {
        sinceRebuild = 0;
        shift = newShift;
        double s = 0;
        double s2 = 0;
        int count = Math.min(pushed, n);
        int i = pos;
        for (int k = 0; k < count; k++) {
            double v = ring[i];
            if (Double.isFinite(v)) {
                double d = v - shift;
                s += d;
                s2 += d * d;
            }
            i = i == 0 ? n : i - 1;
        }
        sum = s;
        sumSq = s2;
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
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        if (!(variance > 0)) {
            return 0;
        }
        double change = ring[pos] - ring[pos == n ? 0 : pos + 1];
        return change / Math.sqrt(variance);
    }
}
