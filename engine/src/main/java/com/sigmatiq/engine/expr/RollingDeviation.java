package com.sigmatiq.engine.expr;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Per-series state of {@code detect_divergence}: the last n+1 values, the change over n bars
 * (v[t] − v[t−n]) and the population standard deviation of the last n values.
 *
 * <p>σ is taken around a pivot, the newest value p: with d = v − p over the window (newest to oldest),
 * σ² = Σd²/n − (Σd/n)². d is exact for values near p (Sterbenz), so windows whose values differ only in
 * their last bits keep their precision — a mean of the raw values, or running sums slid over the series,
 * carry a rounding error as large as such a spread and can turn σ into noise. Because p lies inside the
 * window, |mean − p| ≤ σ·√(n−1), so the subtraction loses at most a factor n of precision. O(n) per
 * value, no running sums: every window is computed from its own values. A window of n equal values has
 * σ = 0 exactly. Non-finite values make the series not {@link #ready()} while they are among the last
 * n+1 values.
 *
 * <p>{@link #standardizedChanges} is the batch twin: the same operations in the same order, bitwise equal.
 */
final class RollingDeviation {

    /** Bars per block of the batch kernel: its buffers stay in the L1 cache. */
    static final int BLOCK = 512;

    private final int n;
    private final double[] ring; // last n+1 values, ring[pos] is the newest
    private int pos;
    private int pushed;          // saturating at n+1
    private int sinceInvalid;    // saturating at n+1

    RollingDeviation(int n) {
        this.n = n;
        this.ring = new double[n + 1];
        reset();
    }

    void reset() {
        pos = n; // the first push goes to slot 0
        pushed = 0;
        sinceInvalid = n + 1;
    }

    void writeState(StateWriter out) {
        out.putDoubles(ring);
        out.putInt(pos);
        out.putInt(pushed);
        out.putInt(sinceInvalid);
    }

    void readState(StateReader in) {
        in.getDoubles(ring);
        pos = in.getInt();
        pushed = in.getInt();
        sinceInvalid = in.getInt();
    }

    void push(double v) {
        pos = pos == n ? 0 : pos + 1;
        ring[pos] = v; // overwrites v[t−n−1]
        if (pushed <= n) {
            pushed++;
        }
        if (!Double.isFinite(v)) {
            sinceInvalid = 0;
        } else if (sinceInvalid <= n) {
            sinceInvalid++;
        }
    }

    /** Whether n+1 values have been pushed and the last n+1 are all finite. */
    boolean ready() {
        return pushed > n && sinceInvalid > n;
    }

    /** (v[t] − v[t−n]) / σ, or 0 when σ is 0. Only meaningful when {@link #ready()}. */
    double standardizedChange() {
        double pivot = ring[pos];
        double s1 = 0;
        double s2 = 0;
        int i = pos;
        for (int k = 1; k < n; k++) { // k = 0 is the pivot itself, d = 0
            i = i == 0 ? n : i - 1;
            double d = ring[i] - pivot;
            s1 += d;
            s2 += d * d;
        }
        double oldest = ring[pos == n ? 0 : pos + 1];
        return standardize(pivot - oldest, s1, s2, n);
    }

    /**
     * change / σ with σ² = Σd²/n − (Σd/n)², computed as change·n / √q with q = n·Σd² − (Σd)² (one square root,
     * one division); 0 unless q &gt; 0 (a flat window gives q = 0 exactly).
     */
    static double standardize(double change, double s1, double s2, int n) {
        double q = n * s2 - s1 * s1;
        return q > 0 ? change * n / Math.sqrt(q) : 0;
    }

    /** Block-long buffers for {@link #standardizedChanges}. */
    static final class Scratch {
        final double[] s1 = new double[BLOCK];
        final double[] pivot = new double[BLOCK];
        final double[] lagged = new double[BLOCK];
        final double[] lagged2 = new double[BLOCK];
    }

    /**
     * The parts of {@link #standardizedChange} for every t in [from, to) of a column, from ≥ n and to − from ≤
     * {@link #BLOCK}: q[t − from] = n·Σd² − (Σd)² and z[t − from] = (v[t] − v[t−n])·n / √q; the term is
     * {@code q > 0 ? z : 0}. The loops run across bars, which are independent, rather than along a window, and
     * read every array at the loop index itself (the block's pivots, and the values k bars back copied into a
     * buffer): the form the JIT turns into SIMD instructions. Each bar still adds its window's terms newest to
     * oldest, as the streaming form does, so the results are bitwise the same. Windows with non-finite values
     * give meaningless numbers here; the caller masks them.
     */
    static void standardizedChanges(double[] v, int from, int to, int n, double[] z, double[] q, Scratch s) {
        int len = to - from;
        double[] s1 = s.s1;
        double[] s2 = q;
        double[] p = s.pivot;
        double[] lag = s.lagged;
        double[] lag2 = s.lagged2;
        System.arraycopy(v, from, p, 0, len);
        for (int j = 0; j < len; j++) {
            s1[j] = 0;
            s2[j] = 0;
        }
        int k = 1;
        for (; k + 1 < n; k += 2) { // two terms per pass, added in order: half the accumulator traffic
            System.arraycopy(v, from - k, lag, 0, len);
            System.arraycopy(v, from - k - 1, lag2, 0, len);
            for (int j = 0; j < len; j++) {
                double d = lag[j] - p[j];
                double e = lag2[j] - p[j];
                s1[j] = s1[j] + d + e;
                s2[j] = s2[j] + d * d + e * e;
            }
        }
        if (k < n) {
            System.arraycopy(v, from - k, lag, 0, len);
            for (int j = 0; j < len; j++) {
                double d = lag[j] - p[j];
                s1[j] += d;
                s2[j] += d * d;
            }
        }
        System.arraycopy(v, from - n, lag, 0, len);
        for (int j = 0; j < len; j++) {
            double qj = n * s2[j] - s1[j] * s1[j];
            q[j] = qj;
            z[j] = (p[j] - lag[j]) * n / Math.sqrt(qj);
        }
    }
}
