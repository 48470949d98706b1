package com.sigmatiq.engine.indicator;

/** The few arithmetic primitives TA-Lib 0.6.0 shares between its functions, written out once. */
final class TaLibMath {

    /** TA-Lib's {@code TA_EPSILON}: what its {@code TA_IS_ZERO} and {@code TA_IS_ZERO_OR_NEG} compare against. */
    static final double EPSILON = 1e-14;

    private TaLibMath() {
    }

    /** TA-Lib's {@code TA_IS_ZERO}. */
    static boolean isZero(double v) {
        return -EPSILON < v && v < EPSILON;
    }

    /** TA-Lib's {@code TA_IS_ZERO_OR_NEG}. */
    static boolean isZeroOrNeg(double v) {
        return v < EPSILON;
    }

    /** TA-Lib's {@code PER_TO_K}: the EMA smoothing factor 2 / (period + 1). */
    static double emaFactor(int period) {
        return 2.0 / (double) (period + 1);
    }

    /** One EMA step as TA-Lib's {@code TA_INT_EMA} writes it: {@code ((x - prev) * k) + prev}. */
    static double emaStep(double prev, double x, double k) {
        return ((x - prev) * k) + prev;
    }

    /**
     * 1 or 0. {@code Boolean.compare} compiles to a flag-to-register move where {@code c ? 1 : 0} may compile to
     * a branch, which data that goes up and down at random mispredicts half the time.
     */
    static int bit(boolean c) {
        return Boolean.compare(c, false);
    }

    /** True range as TA-Lib's {@code TA_TRANGE} and its {@code TRUE_RANGE} macro compute it. */
    static double trueRange(double high, double low, double prevClose) {
        // Math.max instead of TA-Lib's comparisons: no branch to mispredict, and the same value for finite
        // prices (the three candidates are never −0.0, so a tie between zeros cannot tell them apart)
        return Math.max(Math.max(high - low, Math.abs(high - prevClose)), Math.abs(low - prevClose));
    }

    /** Fills {@code out[0 .. min(to, n))} with NaN; returns the clipped bound. */
    static int fillNaN(double[] out, int to, int n) {
        int end = Math.min(to, n);
        for (int i = 0; i < end; i++) {
            out[i] = Double.NaN;
        }
        return end;
    }
}
