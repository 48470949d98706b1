package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;
import static com.sigmatiq.engine.indicator.TaLibMath.trueRange;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Average true range (TA-Lib {@code TA_ATR}): seeded at index {@code period} with the mean of
 * TR[1..period] (TR[0] has no previous close and is not used), then Wilder smoothing
 * {@code atr = (atr * (period - 1) + tr) / period}. With period 1 it is the true range itself.
 */
public final class AtrIndicator implements StreamingIndicator {

    private final int period;
    private int count;
    private double prevClose;
    private double sum;
    private double atr;

    /** @param period at least 1 */
    public AtrIndicator(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1, got " + period);
        }
        this.period = period;
        reset();
    }

    /** TA-Lib lookback: index of the first value. */
    public static int lookback(int period) {
        return period;
    }

    /** Batch ATR into {@code out[0..n)}; NaN before the lookback. */
    public static void compute(double[] high, double[] low, double[] close, int n, int period, double[] out) {
        int lb = lookback(period);
        if (fillNaN(out, lb, n) == n) {
            return;
        }
        double sum = 0.0;
        for (int i = 1; i <= period; i++) {
            sum += trueRange(high[i], low[i], close[i - 1]);
        }
        double atr = sum / period;
        out[lb] = atr;
        double keep = period - 1;
        for (int i = lb + 1; i < n; i++) {
            atr *= keep;
            atr += trueRange(high[i], low[i], close[i - 1]);
            atr /= period;
            out[i] = atr;
        }
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        int i = count++;
        if (i == 0) {
            prevClose = close;
            return;
        }
        double tr = trueRange(high, low, prevClose);
        prevClose = close;
        if (i < period) {
            sum += tr;
        } else if (i == period) {
            sum += tr;
            atr = sum / period;
        } else {
            double keep = period - 1;
            atr *= keep;
            atr += tr;
            atr /= period;
        }
    }

    @Override
    public double value(int output) {
        if (output != 0) {
            throw new IndexOutOfBoundsException("ATR has one output, asked for " + output);
        }
        return atr;
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
        out.putDouble(prevClose);
        out.putDouble(sum);
        out.putDouble(atr);
    }

    @Override
    public void readState(StateReader in) {
        count = in.getInt();
        prevClose = in.getDouble();
        sum = in.getDouble();
        atr = in.getDouble();
    }

    @Override
    public void reset() {
        count = 0;
        prevClose = Double.NaN;
        sum = 0.0;
        atr = Double.NaN;
    }
}
