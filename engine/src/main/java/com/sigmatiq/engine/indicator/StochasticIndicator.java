package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Slow stochastic oscillator (TA-Lib {@code TA_STOCH} with SMA smoothing). Raw %K over
 * {@code kPeriod} bars is {@code (close - lowest) / ((highest - lowest) / 100)}, 0 when the highest
 * high equals the lowest low; slow %K is its SMA over {@code smoothK}, %D the SMA of slow %K over
 * {@code dPeriod}. Both outputs start at {@code kPeriod + smoothK + dPeriod - 3}, as in TA-Lib (slow %K
 * is withheld until %D exists). Streaming tracks the window extremes as TA-Lib does (the window is rescanned
 * only when the bar holding the extreme leaves it); batch takes them from {@link SlidingExtremes}.
 */
public final class StochasticIndicator implements StreamingIndicator {

    public static final int SLOW_K = 0;
    public static final int SLOW_D = 1;

    private final int kPeriod;
    private final int smoothK;
    private final int dPeriod;
    private final double[] highs;
    private final double[] lows;
    private final double[] fastKs;
    private final double[] slowKs;
    private int count;
    private int highestIdx;
    private int lowestIdx;
    private double highest;
    private double lowest;
    private double diff;
    private double sumFast;
    private double sumSlow;
    private double slowK;
    private double slowD;

    public StochasticIndicator(int kPeriod, int smoothK, int dPeriod) {
        if (kPeriod < 1 || smoothK < 1 || dPeriod < 1) {
            throw new IllegalArgumentException("stochastic periods must be at least 1, got k "
                    + kPeriod + ", smooth_k " + smoothK + ", d " + dPeriod);
        }
        this.kPeriod = kPeriod;
        this.smoothK = smoothK;
        this.dPeriod = dPeriod;
        this.highs = new double[kPeriod];
        this.lows = new double[kPeriod];
        this.fastKs = new double[smoothK];
        this.slowKs = new double[dPeriod];
        reset();
    }

    /** TA-Lib lookback: index of the first value of both outputs. */
    public static int lookback(int kPeriod, int smoothK, int dPeriod) {
        return kPeriod - 1 + smoothK - 1 + dPeriod - 1;
    }

    /**
     * Batch slow stochastic; each output NaN before the lookback. The window extremes come from
     * {@link SlidingExtremes} (min and max are exact, so they are the values TA-Lib's rescans find, for finite
     * prices), staged in the output columns; raw %K is then one whole-column loop, and the two SMAs run over it
     * as TA_MA/TA_INT_SMA sum them. Scratch of a few windows is allocated per call, none per bar.
     */
    public static void compute(double[] high, double[] low, double[] close, int n,
                               int kPeriod, int smoothK, int dPeriod, double[] outK, double[] outD) {
        int lb = lookback(kPeriod, smoothK, dPeriod);
        if (lb >= n) {
            fillNaN(outK, lb, n);
            fillNaN(outD, lb, n);
            return;
        }
        int first = kPeriod - 1;
        double[] lowest = outK; // staged: lowest low, then raw %K, then slow %K
        double[] highest = outD; // staged: highest high, then %D
        SlidingExtremes.minMax(low, high, n, kPeriod, lowest, highest, new SlidingExtremes.Scratch(kPeriod));
        for (int t = first; t < n; t++) {
            double diff = (highest[t] - lowest[t]) / 100.0;
            lowest[t] = (close[t] - lowest[t]) / diff;
            highest[t] = diff;
        }
        for (int t = first; t < n; t++) {
            if (highest[t] == 0.0) {
                lowest[t] = 0.0;
            }
        }
        double[] fastRing = new double[smoothK];
        double[] slowRing = new double[dPeriod];
        int fastPos = 0;
        int slowPos = 0;
        double sumFast = 0.0;
        double sumSlow = 0.0;
        for (int today = first; today < n; today++) {
            double fastK = lowest[today];
            int j = today - first;
            if (j >= smoothK) {
                sumFast -= fastRing[fastPos];
            }
            fastRing[fastPos] = fastK;
            fastPos = fastPos + 1 == smoothK ? 0 : fastPos + 1;
            sumFast += fastK;
            int m = j - (smoothK - 1);
            if (m < 0) {
                continue;
            }
            double sk = sumFast / smoothK;
            if (m >= dPeriod) {
                sumSlow -= slowRing[slowPos];
            }
            slowRing[slowPos] = sk;
            slowPos = slowPos + 1 == dPeriod ? 0 : slowPos + 1;
            sumSlow += sk;
            if (m >= dPeriod - 1) {
                outK[today] = sk;
                outD[today] = sumSlow / dPeriod;
            }
        }
        fillNaN(outK, lb, n);
        fillNaN(outD, lb, n);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        int today = count++;
        highs[today % kPeriod] = high;
        lows[today % kPeriod] = low;
        int first = kPeriod - 1;
        if (today < first) {
            return;
        }
        int trailing = today - first;
        double tmp = low;
        if (lowestIdx < trailing) {
            lowestIdx = trailing;
            lowest = lows[trailing % kPeriod];
            for (int i = trailing + 1; i <= today; i++) {
                tmp = lows[i % kPeriod];
                if (tmp < lowest) {
                    lowestIdx = i;
                    lowest = tmp;
                }
            }
            diff = (highest - lowest) / 100.0;
        } else if (tmp <= lowest) {
            lowestIdx = today;
            lowest = tmp;
            diff = (highest - lowest) / 100.0;
        }
        tmp = high;
        if (highestIdx < trailing) {
            highestIdx = trailing;
            highest = highs[trailing % kPeriod];
            for (int i = trailing + 1; i <= today; i++) {
                tmp = highs[i % kPeriod];
                if (tmp > highest) {
                    highestIdx = i;
                    highest = tmp;
                }
            }
            diff = (highest - lowest) / 100.0;
        } else if (tmp >= highest) {
            highestIdx = today;
            highest = tmp;
            diff = (highest - lowest) / 100.0;
        }
        double fastK = diff != 0.0 ? (close - lowest) / diff : 0.0;

        int j = trailing;
        if (j >= smoothK) {
            sumFast -= fastKs[j % smoothK];
        }
        fastKs[j % smoothK] = fastK;
        sumFast += fastK;
        int m = j - (smoothK - 1);
        if (m < 0) {
            return;
        }
        double sk = sumFast / smoothK;
        if (m >= dPeriod) {
            sumSlow -= slowKs[m % dPeriod];
        }
        slowKs[m % dPeriod] = sk;
        sumSlow += sk;
        if (m >= dPeriod - 1) {
            slowK = sk;
            slowD = sumSlow / dPeriod;
        }
    }

    @Override
    public double value(int output) {
        return switch (output) {
            case SLOW_K -> slowK;
            case SLOW_D -> slowD;
            default -> throw new IndexOutOfBoundsException("stochastic has two outputs, asked for " + output);
        };
    }

    @Override
    public boolean isReady() {
        return count >= warmupBars();
    }

    @Override
    public int warmupBars() {
        return lookback(kPeriod, smoothK, dPeriod) + 1;
    }

    @Override
    public void writeState(StateWriter out) {
        out.putDoubles(highs);
        out.putDoubles(lows);
        out.putDoubles(fastKs);
        out.putDoubles(slowKs);
        out.putInt(count);
        out.putInt(highestIdx);
        out.putInt(lowestIdx);
        out.putDouble(highest);
        out.putDouble(lowest);
        out.putDouble(diff);
        out.putDouble(sumFast);
        out.putDouble(sumSlow);
        out.putDouble(slowK);
        out.putDouble(slowD);
    }

    @Override
    public void readState(StateReader in) {
        in.getDoubles(highs);
        in.getDoubles(lows);
        in.getDoubles(fastKs);
        in.getDoubles(slowKs);
        count = in.getInt();
        highestIdx = in.getInt();
        lowestIdx = in.getInt();
        highest = in.getDouble();
        lowest = in.getDouble();
        diff = in.getDouble();
        sumFast = in.getDouble();
        sumSlow = in.getDouble();
        slowK = in.getDouble();
        slowD = in.getDouble();
    }

    @Override
    public void reset() {
        count = 0;
        highestIdx = -1;
        lowestIdx = -1;
        highest = 0.0;
        lowest = 0.0;
        diff = 0.0;
        sumFast = 0.0;
        sumSlow = 0.0;
        slowK = Double.NaN;
        slowD = Double.NaN;
    }
}
