package com.sigmatiq.engine.expr;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * The kernel of {@code detect_divergence(x, y, n)} = clip((Δy/σy − Δx/σx) / 4, −1, 1), Δ the change
 * over n bars, σ the population standard deviation of the last n values (a term is 0 where its σ is
 * 0). NaN until n+1 values have been pushed and while any of the last n+1 values of x or y is not
 * finite. {@link #push} is the streaming form, {@link #batch} the column form; both compute each term
 * with {@link RollingDeviation}'s arithmetic, so they agree bitwise.
 */
final class RollingDivergence {

    private final RollingDeviation x;
    private final RollingDeviation y;

    RollingDivergence(int n) {
        this.x = new RollingDeviation(n);
        this.y = new RollingDeviation(n);
    }

    void reset() {
        x.reset();
        y.reset();
    }

    void writeState(StateWriter out) {
        x.writeState(out);
        y.writeState(out);
    }

    void readState(StateReader in) {
        x.readState(in);
        y.readState(in);
    }

    double push(double xv, double yv) {
        x.push(xv);
        y.push(yv);
        if (!x.ready() || !y.ready()) {
            return Double.NaN;
        }
        return combine(x.standardizedChange(), y.standardizedChange());
    }

    private static double combine(double zx, double zy) {
        // min/max rather than comparisons: no branch to mispredict, and the same value for NaN and −0.0
        return Math.max(-1.0, Math.min(1.0, (zy - zx) / 4));
    }

    /** Scratch for {@link #batch}: one block of each term's parts and the accumulators. */
    static final class BatchScratch {
        final double[] zx = new double[RollingDeviation.BLOCK];
        final double[] qx = new double[RollingDeviation.BLOCK];
        final double[] zy = new double[RollingDeviation.BLOCK];
        final double[] qy = new double[RollingDeviation.BLOCK];
        final RollingDeviation.Scratch sums = new RollingDeviation.Scratch();
    }

    /** The whole column [0, len) at once, bitwise equal to pushing every value. */
    static void batch(double[] xs, double[] ys, int len, int n, double[] out, BatchScratch s) {
        int lastInvalid = -1; // newest bar where x or y is not finite
        int head = Math.min(n, len);
        for (int t = 0; t < head; t++) {
            if (!Double.isFinite(xs[t]) || !Double.isFinite(ys[t])) {
                lastInvalid = t;
            }
            out[t] = Double.NaN;
        }
        double[] zx = s.zx;
        double[] qx = s.qx;
        double[] zy = s.zy;
        double[] qy = s.qy;
        for (int b = head; b < len; b += RollingDeviation.BLOCK) {
            int e = Math.min(len, b + RollingDeviation.BLOCK);
            RollingDeviation.standardizedChanges(xs, b, e, n, zx, qx, s.sums);
            RollingDeviation.standardizedChanges(ys, b, e, n, zy, qy, s.sums);
            for (int t = b; t < e; t++) {
                if (!Double.isFinite(xs[t]) || !Double.isFinite(ys[t])) {
                    lastInvalid = t;
                }
                int j = t - b;
                double tx = qx[j] > 0 ? zx[j] : 0;
                double ty = qy[j] > 0 ? zy[j] : 0;
                out[t] = lastInvalid >= t - n ? Double.NaN : combine(tx, ty);
            }
        }
    }
}
