package com.sigmatiq.engine.expr;

/**
 * The kernel of {@code detect_divergence(x, y, n)} = clip((Δy/σy − Δx/σx) / 4, −1, 1), Δ the change
 * over n bars, σ the population standard deviation of the last n values (a term is 0 where its σ is
 * 0). NaN until n+1 values have been pushed and while any of the last n+1 values of x or y is not
 * finite. Used by both batch and streaming evaluation so that they agree bitwise.
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

    double push(double xv, double yv) {
        x.push(xv);
        y.push(yv);
        if (!x.ready() || !y.ready()) {
            return Double.NaN;
        }
        double d = (y.standardizedChange() - x.standardizedChange()) / 4;
        return d > 1 ? 1 : d < -1 ? -1 : d;
    }
}
