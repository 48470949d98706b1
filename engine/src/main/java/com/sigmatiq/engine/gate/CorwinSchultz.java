package com.sigmatiq.engine.gate;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;

/**
 * Corwin &amp; Schultz (2012) bid-ask spread estimate from daily highs and lows. For two consecutive days:
 * <pre>
 * β = ln(H₁/L₁)² + ln(H₂/L₂)²
 * γ = ln(max(H₁, H₂) / min(L₁, L₂))²
 * α = (√(2β) − √β) / (3 − 2√2) − √(γ / (3 − 2√2))
 * S = 2(e^α − 1) / (1 + e^α)
 * </pre>
 * As in the paper's empirical work, a negative two-day estimate counts as 0 and the estimates of all
 * overlapping pairs are averaged. The paper's overnight-return adjustment is not applied: only daily highs
 * and lows are used.
 */
public final class CorwinSchultz {

    private static final double K = 3 - 2 * Math.sqrt(2);

    private CorwinSchultz() {
    }

    /** The two-day estimate S as a fraction (0.01 = 1%); may be negative. */
    public static double twoDaySpread(double high1, double low1, double high2, double low2) {
        double a = Math.log(high1 / low1);
        double b = Math.log(high2 / low2);
        double beta = a * a + b * b;
        double c = Math.log(Math.max(high1, high2) / Math.min(low1, low2));
        double gamma = c * c;
        double alpha = (Math.sqrt(2 * beta) - Math.sqrt(beta)) / K - Math.sqrt(gamma / K);
        double e = Math.exp(alpha);
        return 2 * (e - 1) / (1 + e);
    }

    /** Mean of max(0, S) over consecutive days; NaN with fewer than two days. */
    public static double estimate(double[] dailyHigh, double[] dailyLow) {
        int n = dailyHigh.length;
        if (dailyLow.length != n) {
            throw new IllegalArgumentException("highs and lows differ in length: " + n + " vs " + dailyLow.length);
        }
        if (n < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 1; i < n; i++) {
            sum += Math.max(0, twoDaySpread(dailyHigh[i - 1], dailyLow[i - 1], dailyHigh[i], dailyLow[i]));
        }
        return sum / (n - 1);
    }

    /**
     * The estimate over the sessions of bars {@code [from, to)}: each session's high and low over its
     * regular-session bars in the range (every bar on daily data); sessions without such bars are skipped.
     */
    public static double estimate(BarSeries bars, SessionClock clock, int from, int to) {
        int first = clock.session(from);
        int sessions = clock.session(to - 1) - first + 1;
        double[] hi = new double[sessions];
        double[] lo = new double[sessions];
        boolean[] seen = new boolean[sessions];
        double[] high = bars.high();
        double[] low = bars.low();
        for (int i = from; i < to; i++) {
            if (!clock.regular(i)) {
                continue;
            }
            int s = clock.session(i) - first;
            if (!seen[s]) {
                seen[s] = true;
                hi[s] = high[i];
                lo[s] = low[i];
            } else {
                hi[s] = Math.max(hi[s], high[i]);
                lo[s] = Math.min(lo[s], low[i]);
            }
        }
        int m = 0;
        for (int s = 0; s < sessions; s++) {
            if (seen[s]) {
                hi[m] = hi[s];
                lo[m] = lo[s];
                m++;
            }
        }
        return estimate(java.util.Arrays.copyOf(hi, m), java.util.Arrays.copyOf(lo, m));
    }
}
