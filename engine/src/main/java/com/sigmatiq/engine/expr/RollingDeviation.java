package com.sigmatiq.engine.expr;

/**
 * Per-series state of {@code detect_divergence}: the last n+1 values, the change over n bars
 * (v[t] − v[t−n]) and the population standard deviation of the last n values.
 *
 * <p>The mean comes from a running sum of the window's finite values, rebuilt from the ring every n
 * values so that rounding cannot drift; σ is then one pass over the window, Σ(v − mean)² / n, which
 * stays exact to rounding however small σ is next to the values (a running sum of v² was tried first
 * and lost up to 1e-8 of the result to cancellation when a small σ followed large values).
 * Non-finite values make the series not {@link #ready()} while they are among the last n+1 values.
 * A window whose n values are all equal has σ = 0 exactly.
 */
final class RollingDeviation {

    private final int n;
    private final double[] ring; // last n+1 values, ring[pos] is the newest
    private int pos;
    private int pushed;          // saturating at n+1
    private int sinceInvalid;    // saturating at n+1
    private int equalRun;        // length of the run of equal finite values ending at the newest
    private int sinceRebuild;
    private double sum;          // Σ of the finite values among the last n

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
        sum = 0;
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
        if (++sinceRebuild >= n) {
            sinceRebuild = 0;
            double s = 0;
            int count = Math.min(pushed, n);
            int i = pos;
            for (int k = 0; k < count; k++) {
                double w = ring[i];
                if (Double.isFinite(w)) {
                    s += w;
                }
                i = i == 0 ? n : i - 1;
            }
            sum = s;
            return;
        }
        if (finite) {
            sum += v;
        }
        if (pushed > n) { // v[t−n] leaves the window of the last n values
            double old = ring[pos == n ? 0 : pos + 1];
            if (Double.isFinite(old)) {
                sum -= old;
            }
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
        double mean = sum / n;
        double squares = 0;
        int i = pos;
        for (int k = 0; k < n; k++) {
            double d = ring[i] - mean;
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
