package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.bit;
import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;
import static com.sigmatiq.engine.indicator.TaLibMath.isZero;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Wilder's relative strength index of the close (TA-Lib {@code TA_RSI}, default compatibility): the
 * first average gain and loss are the simple means of the first {@code period} changes (value at index
 * {@code period}), then {@code avg = (avg * (period - 1) + change) / period}. RSI is
 * {@code 100 * gain / (gain + loss)}; when {@code gain + loss} is zero (a flat series) it is 0, as in
 * TA-Lib.
 */
public final class RsiIndicator implements StreamingIndicator {

    private final int period;
    private int count;
    private double prevValue;
    private double gain;
    private double loss;
    private double rsi;

    /** @param period at least 2 */
    public RsiIndicator(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("RSI period must be at least 2, got " + period);
        }
        this.period = period;
        reset();
    }

    /** TA-Lib lookback: index of the first value. */
    public static int lookback(int period) {
        return period;
    }

    /**
     * The change when it is a fall, else 0 (±0): TA-Lib adds a fall to the losses and anything else to the gains.
     * As a factor rather than an {@code if}: rises and falls alternate at random, which a branch predictor cannot
     * learn. For finite prices the sums keep TA-Lib's bits: adding or subtracting a zero leaves them as they were.
     */
    static double fall(double change) {
        return bit(change < 0.0) * change;
    }

    /** Batch RSI of {@code in[0..n)} into {@code out[0..n)}; NaN before the lookback. */
    public static void compute(double[] in, int n, int period, double[] out) {
        int lb = lookback(period);
        if (fillNaN(out, lb, n) == n) {
            return;
        }
        double prev = in[0];
        double gain = 0.0;
        double loss = 0.0;
        for (int i = 1; i <= period; i++) {
            double x = in[i];
            double change = x - prev;
            prev = x;
            loss -= fall(change);
            gain += change - fall(change);
        }
        loss /= period;
        gain /= period;
        out[lb] = rsi(gain, loss);
        double keep = period - 1;
        for (int i = lb + 1; i < n; i++) {
            double x = in[i];
            double change = x - prev;
            prev = x;
            loss *= keep;
            gain *= keep;
            loss -= fall(change);
            gain += change - fall(change);
            loss /= period;
            gain /= period;
            out[i] = rsi(gain, loss);
        }
    }

    static double rsi(double gain, double loss) {
        double sum = gain + loss;
        return isZero(sum) ? 0.0 : 100.0 * (gain / sum);
    }

    /** Feeds one value; returns the RSI, or NaN until {@code period + 1} values were seen. */
    public double push(double x) {
        int i = count++;
        if (i == 0) {
            prevValue = x;
            return Double.NaN;
        }
        double change = x - prevValue;
        prevValue = x;
        if (i > period) {
            double keep = period - 1;
            loss *= keep;
            gain *= keep;
        }
        loss -= fall(change);
        gain += change - fall(change);
        if (i < period) {
            return Double.NaN;
        }
        loss /= period;
        gain /= period;
        rsi = rsi(gain, loss);
        return rsi;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        push(close);
    }

    @Override
    public double value(int output) {
        if (output != 0) {
            throw new IndexOutOfBoundsException("RSI has one output, asked for " + output);
        }
        return rsi;
    }

    @Override
    public boolean isReady() {
        return count > period;
    }

    @Override
    public int warmupBars() {
        return period + 1;
    }

    @Override
    public void writeState(StateWriter out) {
        out.putInt(count);
        out.putDouble(prevValue);
        out.putDouble(gain);
        out.putDouble(loss);
        out.putDouble(rsi);
    }

    @Override
    public void readState(StateReader in) {
        count = in.getInt();
        prevValue = in.getDouble();
        gain = in.getDouble();
        loss = in.getDouble();
        rsi = in.getDouble();
    }

    @Override
    public void reset() {
        count = 0;
        prevValue = Double.NaN;
        gain = 0.0;
        loss = 0.0;
        rsi = Double.NaN;
    }
}
