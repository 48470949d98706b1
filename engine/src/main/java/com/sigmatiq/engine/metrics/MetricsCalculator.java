package com.sigmatiq.engine.metrics;

/**
 * Computes {@link Metrics} from a daily equity curve and the closed trades, exactly as DESIGN §4 defines
 * them. Stateless; inputs are plain arrays so that this package depends on nothing else of ours.
 */
public final class MetricsCalculator {

    /** Sessions per year. */
    public static final double SESSIONS_PER_YEAR = 252.0;
    /** Euler–Mascheroni constant γ of the expected maximum Sharpe ratio. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    private static final double SQRT_252 = Math.sqrt(SESSIONS_PER_YEAR);

    private MetricsCalculator() {
    }

    /**
     * All metrics of one run.
     *
     * @param initialCapital      equity before the first session
     * @param dailyEquity         equity at each session's last bar, every session of the range (n ≥ 1)
     * @param tradeReturns        each closed trade's return (fraction)
     * @param tradePnl            each closed trade's P&amp;L in money, same order
     * @param tradeDurationDays   each closed trade's duration in calendar days, same order
     * @param exposureSessions    sessions in which a position was held at any instant
     * @param nTrials             trials N of the sweep this run belongs to (1 for a single backtest)
     * @param trialSharpeVariance variance V of the trials' daily Sharpe ratios (ignored when N = 1)
     */
    public static Metrics compute(double initialCapital, double[] dailyEquity, double[] tradeReturns,
                                  double[] tradePnl, int[] tradeDurationDays, int exposureSessions, int nTrials,
                                  double trialSharpeVariance) {
        int n = dailyEquity.length;
        if (n == 0) {
            throw new IllegalArgumentException("the equity curve needs at least one session");
        }
        if (tradePnl.length != tradeReturns.length || tradeDurationDays.length != tradeReturns.length) {
            throw new IllegalArgumentException("trade columns differ in length: returns " + tradeReturns.length
                    + ", pnl " + tradePnl.length + ", durations " + tradeDurationDays.length);
        }
        double[] r = dailyReturns(initialCapital, dailyEquity);
        double total = dailyEquity[n - 1] / initialCapital - 1;
        double annualized = Math.pow(1 + total, SESSIONS_PER_YEAR / n) - 1;
        double sharpe = dailySharpe(r) * SQRT_252;
        double sortino = sortino(r);
        double mdd = maxDrawdown(initialCapital, dailyEquity);
        Double calmar = mdd == 0 ? null : annualized / Math.abs(mdd);

        int trades = tradeReturns.length;
        Double winRate = null;
        Double profitFactor = null;
        Double avgDuration = null;
        Double best = null;
        Double worst = null;
        Double avgWinner = null;
        Double avgLoser = null;
        if (trades > 0) {
            int winners = 0;
            int losers = 0;
            double sumWin = 0;
            double sumLoss = 0;
            double pnlWin = 0;
            double pnlLoss = 0;
            double sumDays = 0;
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = 0; i < trades; i++) {
                double ret = tradeReturns[i];
                if (ret > 0) {
                    winners++;
                    sumWin += ret;
                    pnlWin += tradePnl[i];
                } else if (ret < 0) {
                    losers++;
                    sumLoss += ret;
                    pnlLoss += tradePnl[i];
                }
                sumDays += tradeDurationDays[i];
                hi = Math.max(hi, ret);
                lo = Math.min(lo, ret);
            }
            winRate = (double) winners / trades;
            profitFactor = losers == 0 ? null : pnlWin / Math.abs(pnlLoss);
            avgDuration = sumDays / trades;
            best = hi;
            worst = lo;
            avgWinner = winners == 0 ? null : sumWin / winners;
            avgLoser = losers == 0 ? null : sumLoss / losers;
        }
        double exposure = (double) exposureSessions / n;
        Double dsr = deflatedSharpe(r, nTrials, trialSharpeVariance);
        return new Metrics(total, annualized, sharpe, sortino, mdd, calmar, winRate, profitFactor, trades,
                avgDuration, best, worst, avgWinner, avgLoser, exposure, dsr);
    }

    /** Daily returns over every session, the first against {@code initialCapital}. */
    public static double[] dailyReturns(double initialCapital, double[] dailyEquity) {
        double[] r = new double[dailyEquity.length];
        double prev = initialCapital;
        for (int i = 0; i < r.length; i++) {
            r[i] = dailyEquity[i] / prev - 1;
            prev = dailyEquity[i];
        }
        return r;
    }

    /** Daily (not annualized) Sharpe ratio mean(r)/sd(r), sample sd; 0 when sd is 0 or n &lt; 2. */
    public static double dailySharpe(double[] dailyReturns) {
        int n = dailyReturns.length;
        if (n < 2) {
            return 0;
        }
        double mean = mean(dailyReturns);
        double sd = Math.sqrt(centralSum(dailyReturns, mean, 2) / (n - 1));
        return sd == 0 ? 0 : mean / sd;
    }

    /**
     * Deflated Sharpe ratio Φ((SR − SR₀)·√(n − 1) / √(1 − γ₃·SR + (γ₄ − 1)/4·SR²)) of DESIGN §4, with SR the
     * daily Sharpe (sample sd), γ₃ and γ₄ the population skewness and (non-excess) kurtosis, SR₀ from
     * {@link #expectedMaxSharpe}. Null when sd is 0, n &lt; 2, or the radicand is not positive.
     *
     * @param nTrials             number of trials N ≥ 1 (N = 1 gives the probabilistic Sharpe ratio)
     * @param trialSharpeVariance variance V ≥ 0 of the trials' daily Sharpe ratios
     */
    public static Double deflatedSharpe(double[] dailyReturns, int nTrials, double trialSharpeVariance) {
        return deflatedSharpe(ReturnMoments.of(dailyReturns), nTrials, trialSharpeVariance);
    }

    /** {@link #deflatedSharpe(double[], int, double)} from the returns' moments, kept by sweeps instead of the returns. */
    public static Double deflatedSharpe(ReturnMoments m, int nTrials, double trialSharpeVariance) {
        double sr0 = expectedMaxSharpe(nTrials, trialSharpeVariance);
        if (m.n() < 2 || !m.hasDispersion()) {
            return null;
        }
        double sr = m.dailySharpe();
        double radicand = 1 - m.skewness() * sr + (m.kurtosis() - 1) / 4 * sr * sr;
        if (!(radicand > 0)) {
            return null;
        }
        return StandardNormal.cdf((sr - sr0) * Math.sqrt(m.n() - 1) / Math.sqrt(radicand));
    }

    /**
     * What the deflated Sharpe ratio needs of a series of daily returns.
     *
     * @param n           number of returns
     * @param dailySharpe mean / sample sd (0 when the sd is 0 or n &lt; 2)
     * @param skewness    population skewness γ₃ (NaN without dispersion)
     * @param kurtosis    population, non-excess kurtosis γ₄ (NaN without dispersion)
     */
    public record ReturnMoments(int n, double dailySharpe, double skewness, double kurtosis) {

        public boolean hasDispersion() {
            return !Double.isNaN(skewness);
        }

        public static ReturnMoments of(double[] r) {
            int n = r.length;
            if (n < 2) {
                return new ReturnMoments(n, 0, Double.NaN, Double.NaN);
            }
            double mean = mean(r);
            double c2 = centralSum(r, mean, 2);
            double sd = Math.sqrt(c2 / (n - 1));
            if (sd == 0) {
                return new ReturnMoments(n, 0, Double.NaN, Double.NaN);
            }
            double m2 = c2 / n;
            double m3 = centralSum(r, mean, 3) / n;
            double m4 = centralSum(r, mean, 4) / n;
            return new ReturnMoments(n, mean / sd, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2));
        }
    }

    /**
     * SR₀ = √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))), the expected maximum daily Sharpe ratio of N
     * trials with Sharpe variance V; 0 when N = 1.
     */
    public static double expectedMaxSharpe(int nTrials, double trialSharpeVariance) {
        if (nTrials < 1) {
            throw new IllegalArgumentException("number of trials must be ≥ 1, got " + nTrials);
        }
        if (!(trialSharpeVariance >= 0) || Double.isInfinite(trialSharpeVariance)) {
            throw new IllegalArgumentException("variance of the trials' Sharpe ratios must be finite and ≥ 0, got "
                    + trialSharpeVariance);
        }
        if (nTrials == 1) {
            return 0;
        }
        double g = EULER_MASCHERONI;
        return Math.sqrt(trialSharpeVariance) * ((1 - g) * StandardNormal.inverseCdf(1 - 1.0 / nTrials)
                + g * StandardNormal.inverseCdf(1 - 1.0 / (nTrials * Math.E)));
    }

    /** max_drawdown: min over the curve (starting from initial capital) of equity / running peak − 1; ≤ 0. */
    public static double maxDrawdown(double initialCapital, double[] dailyEquity) {
        double peak = initialCapital;
        double mdd = 0;
        for (double e : dailyEquity) {
            if (e > peak) {
                peak = e;
            }
            double dd = e / peak - 1;
            if (dd < mdd) {
                mdd = dd;
            }
        }
        return mdd;
    }

    private static double sortino(double[] r) {
        double mean = mean(r);
        double downside = 0;
        for (double x : r) {
            double m = Math.min(x, 0);
            downside += m * m;
        }
        double denominator = Math.sqrt(downside / r.length);
        return denominator == 0 ? 0 : mean / denominator * SQRT_252;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double centralSum(double[] x, double mean, int power) {
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            double p = d;
            for (int k = 1; k < power; k++) {
                p *= d;
            }
            s += p;
        }
        return s;
    }
}
