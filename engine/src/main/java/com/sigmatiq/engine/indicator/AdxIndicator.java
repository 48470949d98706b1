package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.TaLibMath.bit;
import static com.sigmatiq.engine.indicator.TaLibMath.fillNaN;
import static com.sigmatiq.engine.indicator.TaLibMath.isZero;
import static com.sigmatiq.engine.indicator.TaLibMath.trueRange;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;

/**
 * Wilder's ADX with +DI and −DI (TA-Lib {@code TA_ADX}, {@code TA_PLUS_DI}, {@code TA_MINUS_DI}).
 *
 * <p>As TA-Lib starts it: +DM, −DM and TR are summed over bars {@code 1 .. period-1}; from bar
 * {@code period} on each sum is smoothed as {@code s - s / period + today}. The DIs are
 * {@code 100 * DM / TR} from index {@code period} (0 when the smoothed TR is zero); DX is
 * {@code 100 * |−DI − +DI| / (−DI + +DI)}; the first ADX, at {@code 2 * period - 1}, is the mean of the
 * first {@code period} DX values, then {@code adx = (adx * (period - 1) + dx) / period}. A bar whose TR
 * sum or DI sum is zero adds no DX and leaves the ADX unchanged, as in TA-Lib.
 */
public final class AdxIndicator implements StreamingIndicator {

    public static final int ADX = 0;
    public static final int PLUS_DI = 1;
    public static final int MINUS_DI = 2;

    private final int period;
    private int count;
    private double prevHigh;
    private double prevLow;
    private double prevClose;
    private double plusDM;
    private double minusDM;
    private double tr;
    private double sumDX;
    private double adx;
    private double plusDI;
    private double minusDI;

    /** @param period at least 2 */
    public AdxIndicator(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("ADX period must be at least 2, got " + period);
        }
        this.period = period;
        reset();
    }

    /** TA-Lib lookback of the ADX output. */
    public static int adxLookback(int period) {
        return 2 * period - 1;
    }

    /**
     * TA-Lib's −DM of one bar: diffM when the low fell further than the high rose, else 0 (+DM likewise). As
     * a factor of 1 or 0 rather than an {@code if}: whether the low or the high moved more changes from bar
     * to bar at random, which a branch predictor cannot learn. Adding 0 × diff (±0) leaves the sum's bits
     * as they were, so the sums equal TA-Lib's for finite prices.
     */
    static double minusMove(double diffP, double diffM) {
        return bit(diffM > 0 & diffP < diffM) * diffM;
    }

    /** TA-Lib's +DM of one bar, see {@link #minusMove}. */
    static double plusMove(double diffP, double diffM) {
        return bit(diffP > 0 & diffP > diffM) * diffP;
    }

    /** TA-Lib lookback of the +DI and −DI outputs. */
    public static int diLookback(int period) {
        return period;
    }

    /** Batch ADX, +DI, −DI; each output NaN before its lookback. */
    public static void compute(double[] high, double[] low, double[] close, int n, int period,
                               double[] outAdx, double[] outPlusDI, double[] outMinusDI) {
        int adxStart = adxLookback(period);
        fillNaN(outAdx, adxStart, n);
        fillNaN(outPlusDI, period, n);
        if (fillNaN(outMinusDI, period, n) == n) {
            return;
        }
        double prevHigh = high[0];
        double prevLow = low[0];
        double prevClose = close[0];
        double plusDM = 0.0;
        double minusDM = 0.0;
        double tr = 0.0;
        for (int today = 1; today < period; today++) {
            double h = high[today];
            double diffP = h - prevHigh;
            prevHigh = h;
            double l = low[today];
            double diffM = prevLow - l;
            prevLow = l;
            minusDM += minusMove(diffP, diffM);
            plusDM += plusMove(diffP, diffM);
            tr += trueRange(prevHigh, prevLow, prevClose);
            prevClose = close[today];
        }
        double sumDX = 0.0;
        double adx = 0.0;
        double keep = period - 1;
        for (int today = period; today < n; today++) {
            double h = high[today];
            double diffP = h - prevHigh;
            prevHigh = h;
            double l = low[today];
            double diffM = prevLow - l;
            prevLow = l;
            minusDM -= minusDM / period;
            plusDM -= plusDM / period;
            minusDM += minusMove(diffP, diffM);
            plusDM += plusMove(diffP, diffM);
            tr = tr - tr / period + trueRange(prevHigh, prevLow, prevClose);
            prevClose = close[today];
            double mdi = 0.0;
            double pdi = 0.0;
            double dx = Double.NaN;
            if (!isZero(tr)) {
                mdi = 100.0 * (minusDM / tr);
                pdi = 100.0 * (plusDM / tr);
                double sum = mdi + pdi;
                if (!isZero(sum)) {
                    dx = 100.0 * (Math.abs(mdi - pdi) / sum);
                }
            }
            outPlusDI[today] = pdi;
            outMinusDI[today] = mdi;
            if (today < adxStart) {
                if (dx == dx) {
                    sumDX += dx;
                }
            } else if (today == adxStart) {
                if (dx == dx) {
                    sumDX += dx;
                }
                adx = sumDX / period;
                outAdx[today] = adx;
            } else {
                if (dx == dx) {
                    adx = (adx * keep + dx) / period;
                }
                outAdx[today] = adx;
            }
        }
    }

    @Override
    public void update(double open, double high, double low, double close, double volume) {
        int today = count++;
        if (today == 0) {
            prevHigh = high;
            prevLow = low;
            prevClose = close;
            return;
        }
        double diffP = high - prevHigh;
        prevHigh = high;
        double diffM = prevLow - low;
        prevLow = low;
        if (today < period) {
            minusDM += minusMove(diffP, diffM);
            plusDM += plusMove(diffP, diffM);
            tr += trueRange(prevHigh, prevLow, prevClose);
            prevClose = close;
            return;
        }
        minusDM -= minusDM / period;
        plusDM -= plusDM / period;
        minusDM += minusMove(diffP, diffM);
        plusDM += plusMove(diffP, diffM);
        tr = tr - tr / period + trueRange(prevHigh, prevLow, prevClose);
        prevClose = close;
        double mdi = 0.0;
        double pdi = 0.0;
        double dx = Double.NaN;
        if (!isZero(tr)) {
            mdi = 100.0 * (minusDM / tr);
            pdi = 100.0 * (plusDM / tr);
            double sum = mdi + pdi;
            if (!isZero(sum)) {
                dx = 100.0 * (Math.abs(mdi - pdi) / sum);
            }
        }
        plusDI = pdi;
        minusDI = mdi;
        int adxStart = adxLookback(period);
        if (today < adxStart) {
            if (dx == dx) {
                sumDX += dx;
            }
        } else if (today == adxStart) {
            if (dx == dx) {
                sumDX += dx;
            }
            adx = sumDX / period;
        } else if (dx == dx) {
            double keep = period - 1;
            adx = (adx * keep + dx) / period;
        }
    }

    @Override
    public double value(int output) {
        return switch (output) {
            case ADX -> count > adxLookback(period) ? adx : Double.NaN;
            case PLUS_DI -> plusDI;
            case MINUS_DI -> minusDI;
            default -> throw new IndexOutOfBoundsException("ADX has three outputs, asked for " + output);
        };
    }

    @Override
    public boolean isReady() {
        return count > adxLookback(period);
    }

    @Override
    public int warmupBars() {
        return adxLookback(period) + 1;
    }

    @Override
    public void writeState(StateWriter out) {
        out.putInt(count);
        out.putDouble(prevHigh);
        out.putDouble(prevLow);
        out.putDouble(prevClose);
        out.putDouble(plusDM);
        out.putDouble(minusDM);
        out.putDouble(tr);
        out.putDouble(sumDX);
        out.putDouble(adx);
        out.putDouble(plusDI);
        out.putDouble(minusDI);
    }

    @Override
    public void readState(StateReader in) {
        count = in.getInt();
        prevHigh = in.getDouble();
        prevLow = in.getDouble();
        prevClose = in.getDouble();
        plusDM = in.getDouble();
        minusDM = in.getDouble();
        tr = in.getDouble();
        sumDX = in.getDouble();
        adx = in.getDouble();
        plusDI = in.getDouble();
        minusDI = in.getDouble();
    }

    @Override
    public void reset() {
        count = 0;
        prevHigh = Double.NaN;
        prevLow = Double.NaN;
        prevClose = Double.NaN;
        plusDM = 0.0;
        minusDM = 0.0;
        tr = 0.0;
        sumDX = 0.0;
        adx = Double.NaN;
        plusDI = Double.NaN;
        minusDI = Double.NaN;
    }
}
