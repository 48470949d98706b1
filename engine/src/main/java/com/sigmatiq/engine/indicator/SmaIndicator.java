package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Simple moving average (TA-Lib {@code TA_SMA}): a running sum, to which each bar's value is added
 * before the average is taken and from which the value leaving the window is then subtracted. The
 * first value is at index {@code period - 1}. The {@code volume_ma} kind is this kernel over volume.
 */
public final class SmaIndicator implements StreamingIndicator {

    private final int period;
    private final boolean onVolume;
    private final double[] window;
    private int pos;
    private int count;
    private double total;
    private double value;

    /**
     * A streaming SMA of the bar's volume ({@code onVolume}) or close.
     *
     * @param period window length in bars, at least 1
     */
    public SmaIndicator(int period, boolean onVolume) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be at least 1, got " + period);
        }
        this.period = period;
        this.onVolume = onVolume;
        this.window = new double[period];
        reset();
    }

    /** TA-Lib lookback: index of the first value. */
    public static int lookback(int period) {
        return period - 1;
    }

    /** Batch SMA of {@code in[0..n)} into {@code out[0..n)}; NaN before the lookback. */
    public static void compute(double[] in, int n, int period, double[] out) {
        int lb = lookback(period);
        if (fillNaN(out, lb, n) == n) {
            return;
        }
        double total = 0.0;
        for (int i = 0; i < lb; i++) {
            total += in[i];
        }
        total += in[lb];
        out[lb] = total / period;
        for (int i = lb + 1; i < n; i++) {
            // TA-Lib subtracts the leaving value right after an output; doing it just before the
            // next addition is the same sequence of operations on the sum.
            total -= in[i - period];
            total += in[i];
            out[i] = total / period;
        }
    }

    /** Feeds one value; returns the average, or NaN until {@code period} values were seen. */
    public double push(double x) {
        if (count >= period) {
            total -= window[pos];
        }
        window[pos] = x;
        pos = pos + 1 == period ? 0 : pos + 1;
        total += x;
        count++;
        value = count >= period ? total / period : Double.NaN;
        return value;
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        push(onVolume ? volume : close);
    }

    @Override
    public double value(int output) {
        if (output != 0) {
            throw new IndexOutOfBoundsException("SMA has one output, asked for " + output);
        }
        return value;
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
        out.putDouble(total);
        out.putDouble(value);
    }

    @Override
    public void readState(StateReader in) {
        in.getDoubles(window);
        pos = in.getInt();
        count = in.getInt();
        total = in.getDouble();
        value = in.getDouble();
    }

    @Override
    public void reset() {
        pos = 0;
        count = 0;
        total = 0.0;
        value = Double.NaN;
    }
}
