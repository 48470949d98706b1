package com.sigmatiq.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Flat series (open = high = low = close) make the denominators of RSI, stochastic, DI/DX and the
 * Bollinger σ zero. The expected values are what TA-Lib 0.6.0's C code does there; each test says why.
 * Also: series shorter than the warm-up give only NaN, and bad parameters are refused with the name.
 */
class ZeroDenominatorTest {

    static final int N = 80;
    /** 100 is exact in binary, so sums and means of the flat series are exact too. */
    static final double PRICE = 100.0;
    static final double VOLUME = 1_000.0;

    static final double[] FLAT = filled(PRICE);
    static final double[] VOL = filled(VOLUME);

    static double[] filled(double v) {
        double[] a = new double[N];
        Arrays.fill(a, v);
        return a;
    }

    static double[][] batch(IndicatorKind kind, double[] params, double[] price) {
        double[][] out = new double[kind.outputCount()][price.length];
        Indicators.compute(kind, params, price, price, price, price, filled(VOLUME), price.length, out);
        return out;
    }

    static void assertFromWarmup(IndicatorKind kind, double[] params, int output, double[] values, double expected) {
        int w = kind.warmup(params, output);
        for (int i = 0; i < values.length; i++) {
            if (i < w) {
                assertThat(values[i]).as("%s output %d bar %d", kind, output, i).isNaN();
            } else {
                assertThat(values[i]).as("%s output %d bar %d", kind, output, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void rsiOfAFlatSeriesIsZero() {
        // TA_RSI: average gain + average loss is 0, TA_IS_ZERO holds, and TA-Lib writes 0.0 (not 50).
        double[] p = {14, 70, 30};
        assertFromWarmup(IndicatorKind.RSI, p, 0, batch(IndicatorKind.RSI, p, FLAT)[0], 0.0);
    }

    @Test
    void rsiOfARisingSeriesIsHundred() {
        // No losses: 100 * gain / (gain + 0) = 100 exactly.
        double[] rising = new double[N];
        for (int i = 0; i < N; i++) {
            rising[i] = 50 + i;
        }
        double[] p = {14, 70, 30};
        assertFromWarmup(IndicatorKind.RSI, p, 0, batch(IndicatorKind.RSI, p, rising)[0], 100.0);
    }

    @Test
    void stochasticOfAFlatSeriesIsZero() {
        // TA_STOCH: diff = (highest - lowest) / 100 is 0, so TA-Lib writes 0.0 for raw %K; SMAs of 0 are 0.
        double[] p = {14, 3, 3};
        double[][] out = batch(IndicatorKind.STOCHASTIC, p, FLAT);
        assertFromWarmup(IndicatorKind.STOCHASTIC, p, 0, out[0], 0.0);
        assertFromWarmup(IndicatorKind.STOCHASTIC, p, 1, out[1], 0.0);
    }

    @Test
    void adxAndDiOfAFlatSeriesAreZero() {
        // TR and DM are 0 on every bar. TA_PLUS_DI / TA_MINUS_DI write 0.0 when TA_IS_ZERO(TR sum);
        // TA_ADX then adds no DX, so the first ADX is 0 / period = 0 and is never updated.
        double[] p = {14, 25};
        double[][] out = batch(IndicatorKind.ADX, p, FLAT);
        for (int k = 0; k < 3; k++) {
            assertFromWarmup(IndicatorKind.ADX, p, k, out[k], 0.0);
        }
    }

    @Test
    void adxFreezesAndDiDropToZeroOnceTheSmoothedTrueRangeVanishes() {
        // 40 trending bars, then 80 flat ones (TR = 0). With period 2 the smoothed TR halves each flat
        // bar until TA_IS_ZERO (|x| < 1e-14) holds. From that bar on TA-Lib writes DI = 0.0 and skips
        // the ADX update, so ADX keeps its last value instead of becoming 0/0.
        int n = 120;
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            boolean trend = i < 40;
            c[i] = trend ? 100 + i : 139;
            h[i] = c[i] + (trend ? 1 : 0);
            l[i] = c[i] - (trend ? 1 : 0);
        }
        double[][] out = new double[3][n];
        Indicators.compute(IndicatorKind.ADX, new double[] {2, 25}, c, h, l, c, new double[n], n, out);
        int zero = 40;
        while (zero < n && out[1][zero] != 0.0) {
            zero++;
        }
        assertThat(zero).as("first bar with a zero TR sum").isBetween(60, 110);
        assertThat(out[0][zero - 1]).as("ADX before").isBetween(0.0, 100.0);
        for (int i = zero; i < n; i++) {
            assertThat(out[1][i]).as("+DI bar %d", i).isEqualTo(0.0);
            assertThat(out[2][i]).as("-DI bar %d", i).isEqualTo(0.0);
            assertThat(out[0][i]).as("ADX bar %d", i).isEqualTo(out[0][zero - 1]);
        }
    }

    @Test
    void bollingerBandsOfAFlatSeriesCollapseOntoTheMean() {
        // TA_INT_stddev_using_precalc_ma: mean(x²) - mean² is 0 here, TA_IS_ZERO_OR_NEG holds, σ = 0.
        double[] p = {20, 2};
        double[][] out = batch(IndicatorKind.BOLLINGER_BANDS, p, FLAT);
        for (int k = 0; k < 3; k++) {
            assertFromWarmup(IndicatorKind.BOLLINGER_BANDS, p, k, out[k], PRICE);
        }
    }

    @Test
    void atrEmaMacdObvVolumeMaOfAFlatSeries() {
        assertFromWarmup(IndicatorKind.ATR, new double[] {14}, 0, batch(IndicatorKind.ATR, new double[] {14}, FLAT)[0], 0.0);
        assertFromWarmup(IndicatorKind.EMA, new double[] {20}, 0, batch(IndicatorKind.EMA, new double[] {20}, FLAT)[0], PRICE);
        double[] mp = {12, 26, 9};
        double[][] macd = batch(IndicatorKind.MACD, mp, FLAT);
        for (int k = 0; k < 3; k++) {
            assertFromWarmup(IndicatorKind.MACD, mp, k, macd[k], 0.0);
        }
        // TA_OBV: OBV[0] = volume[0], unchanged closes add nothing.
        assertFromWarmup(IndicatorKind.OBV, new double[] {1}, 0, batch(IndicatorKind.OBV, new double[] {1}, FLAT)[0], VOLUME);
        assertFromWarmup(IndicatorKind.VOLUME_MA, new double[] {20}, 0,
                batch(IndicatorKind.VOLUME_MA, new double[] {20}, FLAT)[0], VOLUME);
    }

    @Test
    void seriesShorterThanTheWarmupAreAllNaN() {
        for (IndicatorKind kind : IndicatorKind.values()) {
            double[] p = kind.defaults();
            for (int k = 0; k < kind.outputCount(); k++) {
                int w = kind.warmup(p, k);
                // exactly w bars: still no value; w + 1 bars: one value, at the last bar
                double[][] shortOut = batch(kind, p, Arrays.copyOf(FLAT, w));
                for (double v : shortOut[k]) {
                    assertThat(v).as("%s output %d with %d bars", kind, k, w).isNaN();
                }
                double[][] oneOut = batch(kind, p, Arrays.copyOf(FLAT, w + 1));
                assertThat(oneOut[k][w]).as("%s output %d with %d bars", kind, k, w + 1).isNotNaN();
            }
            double[][] empty = new double[kind.outputCount()][0];
            Indicators.compute(kind, p, new double[0], new double[0], new double[0], new double[0], new double[0], 0, empty);
        }
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Indicators.streaming(IndicatorKind.RSI, new double[] {1, 70, 30}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period").hasMessageContaining("from 2");
        assertThatThrownBy(() -> Indicators.compute(IndicatorKind.EMA, new double[] {20, 1}, FLAT, FLAT, FLAT, FLAT, VOL,
                N, new double[1][N]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 parameters");
        assertThatThrownBy(() -> Indicators.compute(IndicatorKind.MACD, new double[] {12, 26, 9}, FLAT, FLAT, FLAT, FLAT, VOL,
                N, new double[][] {new double[N], new double[N], new double[N - 1]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output 2");
    }
}
