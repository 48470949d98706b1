package com.sigmatiq.ml;

/**
 * Turns a booster's margin f (its log-odds before the logistic link) into a probability:
 * {@code P = 1 / (1 + exp(a·f + b))}. Platt scaling fits a and b on samples the booster did not learn from; without
 * calibration a = −1, b = 0, which is the booster's own logistic link.
 *
 * <p>Fitting follows Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines"
 * (Machine Learning 68, 2007): Platt's smoothed targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2), Newton steps with a
 * backtracking line search, and a log-likelihood written so that it never overflows.
 *
 * <p>The calibration keeps the booster's order: a fit whose slope says that a higher margin means a lower chance
 * (a &gt; 0: the booster's ranking did not hold on the held-out samples) is replaced by the intercept alone (a = 0),
 * so every sample gets the held-out base rate. An inverted calibration would trade against the model on the
 * strength of a few hundred samples; the base rate says plainly that the model adds nothing.
 *
 * @param method {@code sigmoid} (fitted) or {@code none} (the identity link)
 * @param a      slope
 * @param b      intercept
 */
public record PlattCalibration(TrainingSettings.Calibration method, double a, double b) {

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPS = 1e-5;

    /** No calibration: the logistic link of the margin. */
    public static PlattCalibration none() {
        return new PlattCalibration(TrainingSettings.Calibration.NONE, -1, 0);
    }

    /** The probability of margin {@code f}. */
    public double probability(double f) {
        double z = a * f + b;
        // 1 / (1 + e^z), without overflow for large |z|
        return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
    }

    /**
     * Fits a and b to {@code margins} and their {@code labels} (0/1).
     *
     * @throws IllegalArgumentException without samples or when the lengths differ
     */
    public static PlattCalibration fit(double[] margins, int[] labels) {
        int n = margins.length;
        if (n == 0 || labels.length != n) {
            throw new IllegalArgumentException("Platt scaling needs samples: " + n + " margins, " + labels.length + " labels");
        }
        int prior1 = 0;
        for (int y : labels) {
            prior1 += y;
        }
        int prior0 = n - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0);
        double lo = 1 / (prior0 + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = labels[i] == 1 ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = objective(margins, t, a, b);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // gradient and Hessian (with a small ridge)
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = margins[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
                    q = 1 / (1 + Math.exp(-fApB));
                } else {
                    p = 1 / (1 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += margins[i] * margins[i] * d2;
                h22 += d2;
                h21 += margins[i] * d2;
                double d1 = t[i] - p;
                g1 += margins[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPS && Math.abs(g2) < EPS) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newF = objective(margins, t, newA, newB);
                if (newF < fval + 1e-4 * step * gd) {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break; // line search failed: the current point is as good as it gets
            }
        }
        if (a > 0) {
            double mean = 0;
            for (double x : t) {
                mean += x;
            }
            mean /= n;
            return new PlattCalibration(TrainingSettings.Calibration.SIGMOID, 0, Math.log((1 - mean) / mean));
        }
        return new PlattCalibration(TrainingSettings.Calibration.SIGMOID, a, b);
    }

    /** Negative log-likelihood of targets t under (a, b), overflow-free. */
    private static double objective(double[] f, double[] t, double a, double b) {
        double v = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            v += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return v;
    }
}
