package com.sigmatiq.engine.gate;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.metrics.MetricsCalculator;

/**
 * Daily returns of a model by session date, for the {@code max_correlation} gate.
 *
 * @param sessionEpochDays session dates (epoch days), strictly increasing
 * @param dailyReturns     the return of each session (fraction)
 */
public record ReturnCurve(long[] sessionEpochDays, double[] dailyReturns) {

    public ReturnCurve {
        if (sessionEpochDays.length != dailyReturns.length) {
            throw new IllegalArgumentException("dates and returns differ in length: " + sessionEpochDays.length
                    + " vs " + dailyReturns.length);
        }
        for (int i = 1; i < sessionEpochDays.length; i++) {
            if (sessionEpochDays[i] <= sessionEpochDays[i - 1]) {
                throw new IllegalArgumentException("session dates must increase strictly at row " + i);
            }
        }
    }

    /** The daily returns of a backtest (the first against {@code initialCapital}). */
    public static ReturnCurve of(BacktestResult result, double initialCapital) {
        return new ReturnCurve(result.sessionEpochDays(),
                MetricsCalculator.dailyReturns(initialCapital, result.dailyEquity()));
    }

    /**
     * Pearson correlation of the two curves' returns on the session dates both have; NaN with fewer than
     * two common dates or when either side has zero variance there.
     */
    public double correlationWith(ReturnCurve other) {
        long[] da = sessionEpochDays;
        long[] db = other.sessionEpochDays;
        double[] ra = dailyReturns;
        double[] rb = other.dailyReturns;
        int n = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0, j = 0; i < da.length && j < db.length; ) {
            if (da[i] < db[j]) {
                i++;
            } else if (da[i] > db[j]) {
                j++;
            } else {
                n++;
                sa += ra[i];
                sb += rb[j];
                i++;
                j++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double ma = sa / n;
        double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0, j = 0; i < da.length && j < db.length; ) {
            if (da[i] < db[j]) {
                i++;
            } else if (da[i] > db[j]) {
                j++;
            } else {
                double x = ra[i] - ma;
                double y = rb[j] - mb;
                cov += x * y;
                va += x * x;
                vb += y * y;
                i++;
                j++;
            }
        }
        if (va == 0 || vb == 0) {
            return Double.NaN;
        }
        return cov / Math.sqrt(va * vb);
    }
}
