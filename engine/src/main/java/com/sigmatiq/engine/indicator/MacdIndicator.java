package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.emaFactor;
import static com.sigmatiq.engine.indicator.TaLibMath.emaStep;
import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * MACD of the close (TA-Lib {@code TA_MACD}): line = EMA(fast) − EMA(slow), signal = EMA(signal) of
 * the line, histogram = line − signal. TA-Lib's seeding is kept: both EMAs start at index
 * {@code slow - 1}, the slow one seeded with the mean of closes {@code [0, slow)}, the fast one with the
 * mean of closes {@code [slow - fast, slow)}; the signal is seeded with the mean of the first
 * {@code signal} line values. All three outputs start at {@code slow + signal - 2}. A fast period
 * larger than the slow one is swapped, as TA-Lib does.
 */
public final class MacdIndicator implements StreamingIndicator {

    public static final int LINE = 0;
    public static final int SIGNAL = 1;
    public static final int HISTOGRAM = 2;

    private final int fast;
    private final int slow;
    private final int signal;
    private final double kFast;
    private final double kSlow;
    private final double kSignal;
    private int count;
    private double sumFast;
    private double sumSlow;
    private double sumSignal;
    private double emaFast;
    private double emaSlow;
    private double line;
    private double signalValue;

    public MacdIndicator(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod < 1 || slowPeriod < 1 || signalPeriod < 1) {
            throw new IllegalArgumentException("MACD periods must be at least 1, got "
                    + fastPeriod + "/" + slowPeriod + "/" + signalPeriod);
        }
        this.fast = Math.min(fastPeriod, slowPeriod);
        this.slow = Math.max(fastPeriod, slowPeriod);
        this.signal = signalPeriod;
        this.kFast = emaFactor(fast);
        this.kSlow = emaFactor(slow);
        this.kSignal = emaFactor(signal);
        reset();
    }

    /** TA-Lib lookback: index of the first value of every output. */
    public static int lookback(int fastPeriod, int slowPeriod, int signalPeriod) {
        return Math.max(fastPeriod, slowPeriod) - 1 + signalPeriod - 1;
    }

    /** Batch MACD of {@code in[0..n)}; each output NaN before the lookback. */
    public static void compute(double[] in, int n, int fastPeriod, int slowPeriod, int signalPeriod,
                               double[] outLine, double[] outSignal, double[] outHistogram) {
        int fast = Math.min(fastPeriod, slowPeriod);
        int slow = Math.max(fastPeriod, slowPeriod);
        int lb = lookback(fast, slow, signalPeriod);
        fillNaN(outLine, lb, n);
        fillNaN(outSignal, lb, n);
        if (fillNaN(outHistogram, lb, n) == n) {
            return;
        }
        double kFast = emaFactor(fast);
        double kSlow = emaFactor(slow);
        double kSignal = emaFactor(signalPeriod);
        double sumSlow = 0.0;
        for (int i = 0; i < slow; i++) {
            sumSlow += in[i];
        }
        double sumFast = 0.0;
        for (int i = slow - fast; i < slow; i++) {
            sumFast += in[i];
        }
        double emaSlow = sumSlow / slow;
        double emaFast = sumFast / fast;
        double sumSignal = 0.0;
        sumSignal += emaFast - emaSlow;
        for (int i = slow; i < lb; i++) {
            double x = in[i];
            emaSlow = emaStep(emaSlow, x, kSlow);
            emaFast = emaStep(emaFast, x, kFast);
            sumSignal += emaFast - emaSlow;
        }
        double line = emaFast - emaSlow;
        if (lb >= slow) {
            double x = in[lb];
            emaSlow = emaStep(emaSlow, x, kSlow);
            emaFast = emaStep(emaFast, x, kFast);
            line = emaFast - emaSlow;
            sumSignal += line;
        }
        double sig = sumSignal / signalPeriod;
        outLine[lb] = line;
        outSignal[lb] = sig;
        outHistogram[lb] = line - sig;
        for (int i = lb + 1; i < n; i++) {
            double x = in[i];
            emaSlow = emaStep(emaSlow, x, kSlow);
            emaFast = emaStep(emaFast, x, kFast);
            line = emaFast - emaSlow;
            sig = emaStep(sig, line, kSignal);
            outLine[i] = line;
            outSignal[i] = sig;
            outHistogram[i] = line - sig;
        }
    }

    @Override
    public void update(double open, double high, double low, double x, double volume) {
        int i = count++;
        int lb = slow - 1 + signal - 1;
        if (i < slow) {
            sumSlow += x;
            if (i >= slow - fast) {
                sumFast += x;
            }
            if (i < slow - 1) {
                return;
            }
            emaSlow = sumSlow / slow;
            emaFast = sumFast / fast;
        } else {
            emaSlow = emaStep(emaSlow, x, kSlow);
            emaFast = emaStep(emaFast, x, kFast);
        }
        line = emaFast - emaSlow;
        if (i < lb) {
            sumSignal += line;
        } else if (i == lb) {
            sumSignal += line;
            signalValue = sumSignal / signal;
        } else {
            signalValue = emaStep(signalValue, line, kSignal);
        }
    }

    @Override
    public double value(int output) {
        if (!isReady()) {
            if (output < 0 || output > 2) {
                throw new IndexOutOfBoundsException("MACD has three outputs, asked for " + output);
            }
            return Double.NaN;
        }
        return switch (output) {
            case LINE -> line;
            case SIGNAL -> signalValue;
            case HISTOGRAM -> line - signalValue;
            default -> throw new IndexOutOfBoundsException("MACD has three outputs, asked for " + output);
        };
    }

    @Override
    public boolean isReady() {
        return count >= warmupBars();
    }

    @Override
    public int warmupBars() {
        return slow + signal - 1;
    }

    @Override
    public void writeState(StateWriter out) {
        out.putInt(count);
        out.putDouble(sumFast);
        out.putDouble(sumSlow);
        out.putDouble(sumSignal);
        out.putDouble(emaFast);
        out.putDouble(emaSlow);
        out.putDouble(line);
        out.putDouble(signalValue);
    }

    @Override
    public void readState(StateReader in) {
        count = in.getInt();
        sumFast = in.getDouble();
        sumSlow = in.getDouble();
        sumSignal = in.getDouble();
        emaFast = in.getDouble();
        emaSlow = in.getDouble();
        line = in.getDouble();
        signalValue = in.getDouble();
    }

    @Override
    public void reset() {
        count = 0;
        sumFast = 0.0;
        sumSlow = 0.0;
        sumSignal = 0.0;
        emaFast = Double.NaN;
        emaSlow = Double.NaN;
        line = Double.NaN;
        signalValue = Double.NaN;
    }
}
