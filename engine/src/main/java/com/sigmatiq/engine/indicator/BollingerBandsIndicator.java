package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;
import static com.sigmatiq.engine.indicator.TaLibMath.isZeroOrNeg;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Bollinger Bands of the close (TA-Lib {@code TA_BBANDS} with an SMA middle band): middle = SMA(period),
 * upper/lower = middle ± stdDev × σ, where σ is the population standard deviation computed as TA-Lib
 * does, {@code sqrt(mean(x²) - middle²)} from running sums, and taken as 0 when that variance is below
 * TA-Lib's epsilon (a flat window). Values start at index {@code period - 1}.
 */
public final class BollingerBandsIndicator implements StreamingIndicator {

    public static final int UPPER = 0;
    public static final int MIDDLE = 1;
    public static final int LOWER = 2;

    private final int period;
    private final double stdDev;
    private final double[] window;
    private int pos;
    private int count;
    private double sum;
    private double sumSq;
    private double middle;
    private double width;

    /**
     * @param period at least 1
     * @param stdDev band width in standard deviations, e.g. 2
     */
    public BollingerBandsIndicator(int period, double stdDev) {
        if (period < 1) {
            throw new IllegalArgumentException("Bollinger period must be at least 1, got " + period);
        }
        this.period = period;
        this.stdDev = stdDev;
        this.window = new double[period];
        reset();
    }

    /** TA-Lib lookback: index of the first value of every output. */
    public static int lookback(int period) {
        return period - 1;
    }

    /** Batch bands into the three outputs; NaN before the lookback. */
    public static void compute(double[] in, int n, int period, double stdDev,
                               double[] outUpper, double[] outMiddle, double[] outLower) {
        int lb = lookback(period);
        fillNaN(outUpper, lb, n);
        fillNaN(outMiddle, lb, n);
        if (fillNaN(outLower, lb, n) == n) {
            return;
        }
        double sum = 0.0;
        double sumSq = 0.0;
        for (int i = 0; i < lb; i++) {
            double x = in[i];
            sum += x;
            sumSq += x * x;
        }
        for (int i = lb; i < n; i++) {
            if (i >= period) {
                // subtracting the leaving value just before the next addition is TA-Lib's order
                double old = in[i - period];
                sum -= old;
                sumSq -= old * old;
            }
            double x = in[i];
            sum += x;
            sumSq += x * x;
            double mid = sum / period;
            double w = sigma(sumSq, mid, period) * stdDev;
            outMiddle[i] = mid;
            outUpper[i] = mid + w;
            outLower[i] = mid - w;
        }
    }

    /** TA-Lib's {@code TA_INT_stddev_using_precalc_ma}: σ from the sum of squares and the SMA. */
    static double sigma(double sumSq, double mean, int period) {
        double variance = sumSq / period;
        variance -= mean * mean;
        return isZeroOrNeg(variance) ? 0.0 : Math.sqrt(variance);
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        if (count >= period) {
            double old = window[pos];
            sum -= old;
            sumSq -= old * old;
        }
        window[pos] = close;
        pos = pos + 1 == period ? 0 : pos + 1;
        sum += close;
        sumSq += close * close;
        count++;
        if (count >= period) {
            middle = sum / period;
            width = sigma(sumSq, middle, period) * stdDev;
        }
    }

    @Override
    public double value(int output) {
        return switch (output) {
            case UPPER -> middle + width;
            case MIDDLE -> middle;
            case LOWER -> middle - width;
            default -> throw new IndexOutOfBoundsException("Bollinger Bands have three outputs, asked for " + output);
        };
    }

    @Override
    public boolean isReady() {
        return count >= period;
    }

    @Override
    public int warmupBars() {
        return period;
    }

    @Override
    public void writeState(StateWriter out) {
        out.putDoubles(window);
        out.putInt(pos);
        out.putInt(count);
        out.putDouble(sum);
        out.putDouble(sumSq);
        out.putDouble(middle);
        out.putDouble(width);
    }

    @Override
    public void readState(StateReader in) {
        in.getDoubles(window);
        pos = in.getInt();
        count = in.getInt();
        sum = in.getDouble();
        sumSq = in.getDouble();
        middle = in.getDouble();
        width = in.getDouble();
    }

    @Override
    public void reset() {
        pos = 0;
        count = 0;
        sum = 0.0;
        sumSq = 0.0;
        middle = Double.NaN;
        width = Double.NaN;
    }
}
