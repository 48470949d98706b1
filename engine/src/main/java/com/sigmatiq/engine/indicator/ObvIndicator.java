package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.bit;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * On-balance volume (TA-Lib {@code TA_OBV}): starts at {@code volume[0]} on the first bar, then adds
 * the bar's volume when the close rises, subtracts it when the close falls, and keeps it when unchanged
 * (a NaN volume makes it NaN from that bar on).
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

    /**
     * +1 when the close rises, −1 when it falls, 0 when unchanged (or not comparable). Adding
     * direction × volume equals adding, subtracting or keeping for finite volumes, bit for bit, and it
     * needs no branch: closes go up and down at random, which a branch predictor cannot learn. A NaN
     * volume makes OBV NaN from that bar on (the arithmetic of NaN is NaN), in batch and streaming alike.
     */
    static double direction(double close, double previous) {
        return bit(close > previous) - bit(close < previous);
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
            obv += direction(c, prev) * volume[i];
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
        obv += direction(close, prevClose) * volume;
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
    public void writeState(StateWriter out) {
        out.putBoolean(started);
        out.putDouble(prevClose);
        out.putDouble(obv);
    }

    @Override
    public void readState(StateReader in) {
        started = in.getBoolean();
        prevClose = in.getDouble();
        obv = in.getDouble();
    }

    @Override
    public void reset() {
        started = false;
        prevClose = Double.NaN;
        obv = Double.NaN;
    }
}
