package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.emaFactor;
import static com.sigmatiq.engine.indicator.TaLibMath.emaStep;
import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Exponential moving average of the close (TA-Lib {@code TA_EMA}): seeded at index
 * {@code period - 1} with the simple mean of the first {@code period} values, then
 * {@code ema = (x - ema) * k + ema} with {@code k = 2 / (period + 1)}.
 */
public final class EmaIndicator implements StreamingIndicator {

    private final int period;
    private final double k;
    private int count;
    private double sum;
    private double ema;

    /** @param period at least 1 */
    public EmaIndicator(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1, got " + period);
        }
        this.period = period;
        this.k = emaFactor(period);
        reset();
    }

    /** TA-Lib lookback: index of the first value. */
    public static int lookback(int period) {
        return period - 1;
    }

    /** Batch EMA of {@code in[0..n)} into {@code out[0..n)}; NaN before the lookback. */
    public static void compute(double[] in, int n, int period, double[] out) {
        int lb = lookback(period);
        if (fillNaN(out, lb, n) == n) {
            return;
        }
        double k = emaFactor(period);
        double sum = 0.0;
        for (int i = 0; i <= lb; i++) {
            sum += in[i];
        }
        double ema = sum / period;
        out[lb] = ema;
        for (int i = lb + 1; i < n; i++) {
            ema = emaStep(ema, in[i], k);
            out[i] = ema;
        }
    }

    /** Feeds one value; returns the EMA, or NaN until {@code period} values were seen. */
    public double push(double x) {
        count++;
        if (count < period) {
            sum += x;
            return Double.NaN;
        }
        if (count == period) {
            sum += x;
            ema = sum / period;
        } else {
            ema = emaStep(ema, x, k);
        }
        return ema;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        push(close);
    }

    @Override
    public double value(int output) {
        if (output != 0) {
            throw new IndexOutOfBoundsException("EMA has one output, asked for " + output);
        }
        return count >= period ? ema : Double.NaN;
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
        out.putInt(count);
        out.putDouble(sum);
        out.putDouble(ema);
    }

    @Override
    public void readState(StateReader in) {
        count = in.getInt();
        sum = in.getDouble();
        ema = in.getDouble();
    }

    @Override
    public void reset() {
        count = 0;
        sum = 0.0;
        ema = Double.NaN;
    }
}
