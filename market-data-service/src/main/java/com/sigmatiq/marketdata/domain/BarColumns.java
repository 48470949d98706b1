package com.sigmatiq.marketdata.domain;

import java.util.Arrays;

/**
 * Bars as columns. {@code time[i]} is the bar's start in epoch milliseconds UTC, strictly increasing.
 * {@code volume}, {@code adjClose}, {@code dividend} and {@code split} hold NaN where the source has no value.
 * The arrays belong to the instance; callers do not modify them.
 *
 * @param dividend cash dividend per share going ex on the bar (NaN = the source has no dividend column)
 * @param split    split ratio effective on the bar, 7 = 7-for-1 (NaN = no split column)
 */
public record BarColumns(long[] time, double[] open, double[] high, double[] low, double[] close,
                         double[] volume, double[] adjClose, double[] dividend, double[] split) {

    public BarColumns {
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n
                || adjClose.length != n || dividend.length != n || split.length != n) {
            throw new IllegalArgumentException("all columns must have " + n + " rows");
        }
    }

    public static BarColumns empty() {
        return allocate(0);
    }

    /** Columns of {@code n} rows; the optional columns start as NaN. */
    public static BarColumns allocate(int n) {
        double[] adj = new double[n], div = new double[n], split = new double[n];
        Arrays.fill(adj, Double.NaN);
        Arrays.fill(div, Double.NaN);
        Arrays.fill(split, Double.NaN);
        return new BarColumns(new long[n], new double[n], new double[n], new double[n], new double[n], new double[n],
                adj, div, split);
    }

    public int size() {
        return time.length;
    }

    /** The first {@code n} rows (copies). */
    public BarColumns truncate(int n) {
        return new BarColumns(Arrays.copyOf(time, n), Arrays.copyOf(open, n), Arrays.copyOf(high, n), Arrays.copyOf(low, n),
                Arrays.copyOf(close, n), Arrays.copyOf(volume, n), Arrays.copyOf(adjClose, n), Arrays.copyOf(dividend, n),
                Arrays.copyOf(split, n));
    }

    /** Rows {@code [from, to)} (copies). */
    public BarColumns slice(int from, int to) {
        return new BarColumns(Arrays.copyOfRange(time, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to), Arrays.copyOfRange(adjClose, from, to),
                Arrays.copyOfRange(dividend, from, to), Arrays.copyOfRange(split, from, to));
    }
}
