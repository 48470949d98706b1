package com.sigmatiq.engine.indicator;

/**
 * On-balance volume (TA-Lib {@code TA_OBV}): starts at {@code volume[0]} on the first bar, then adds
 * the bar's volume when the close rises, subtracts it when the close falls, and keeps it when unchanged.
 */
public final class ObvIndicator implements StreamingIndicator {

    private boolean started;
    private double prevClose;
    private double obv;

    public ObvIndicator() {
        reset();
    }

    /** TA-Lib lookback: OBV has a value from the first bar. */
    public static int lookback() {
        return 0;
    }

    /** Batch OBV into {@code out[0..n)}. */
    public static void compute(double[] close, double[] volume, int n, double[] out) {
        if (n <= 0) {
            return;
        }
        double obv = volume[0];
        double prev = close[0];
        for (int i = 0; i < n; i++) {
            double c = close[i];
            if (c > prev) {
                obv += volume[i];
            } else if (c < prev) {
                obv -= volume[i];
            }
            out[i] = obv;
            prev = c;
        }
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        if (!started) {
            started = true;
            obv = volume;
            prevClose = close;
        }
        if (close > prevClose) {
            obv += volume;
        } else if (close < prevClose) {
            obv -= volume;
        }
        prevClose = close;
    }

    @Override
    public double value(int output) {
        if (output != 0) {
            throw new IndexOutOfBoundsException("OBV has one output, asked for " + output);
        }
        return obv;
    }

    @Override
    public boolean isReady() {
        return started;
    }

    @Override
    public int warmupBars() {
        return 1;
    }

    @Override
    public void reset() {
        started = false;
        prevClose = Double.NaN;
        obv = Double.NaN;
    }
}
