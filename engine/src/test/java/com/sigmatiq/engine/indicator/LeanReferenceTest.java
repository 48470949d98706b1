package com.sigmatiq.engine.indicator;

import static com.sigmatiq.engine.indicator.ReferenceComparison.assertAgrees;
import static com.sigmatiq.engine.indicator.ReferenceComparison.assertDisagrees;

import com.sigmatiq.engine.TestData;
import org.junit.jupiter.api.Test;

/**
 * QuantConnect LEAN unit-test fixtures (data/reference/lean_testdata, SOURCES.md 2.3), each computed
 * from the bars embedded in the file. LEAN's values come from charting software and are rounded, so
 * each cell is compared within the rounding of its printed digits plus the test's named extra
 * tolerance; each test also checks that a wrong period does not pass.
 */
class LeanReferenceTest {

    static ReferenceCsv csv(String name) {
        return ReferenceCsv.read(TestData.data("reference/lean_testdata/" + name));
    }

    static double[] compute(IndicatorKind kind, double[] params, double[] h, double[] l, double[] c, double[] v, int output) {
        int n = c.length;
        double[][] out = new double[kind.outputCount()][n];
        Indicators.compute(kind, params, c, h, l, c, v, n, out);
        return out[output];
    }

    /**
     * DJIA closes: SMA14, EMA14 (SMA-seeded, as TA-Lib) and Wilder RSI14 (simple-mean seed, as TA-Lib)
     * follow TA-Lib's conventions. The file's closes are rounded to cents while LEAN's expected values
     * were computed from finer closes (SMA/EMA miss their own 2-decimal rounding by up to 9e-4); an
     * average of inputs each off by at most {@link #DJIA_CLOSE_ROUNDING} is off by at most that much,
     * hence the extra tolerance. RSI agrees within its printed rounding.
     */
    static final double DJIA_CLOSE_ROUNDING = 0.005;

    @Test
    void djiaSmaEmaRsiFollowTalibConventions() {
        ReferenceCsv f = csv("lean_djia_daily_sma14_ema14_macd_rsi14.csv");
        String[] dates = f.text("datetime");
        double[] c = f.numbers("Close");
        double[] v = new double[c.length];
        assertAgrees("LEAN SMA14", dates, f.text("SMA14"), sma(c, 14), 13, DJIA_CLOSE_ROUNDING, 480);
        assertDisagrees("LEAN SMA14", dates, f.text("SMA14"), sma(c, 15), 14, DJIA_CLOSE_ROUNDING);
        assertAgrees("LEAN EMA14", dates, f.text("EMA14"),
                compute(IndicatorKind.EMA, new double[] {14}, c, c, c, v, 0), 13, DJIA_CLOSE_ROUNDING, 480);
        assertDisagrees("LEAN EMA14", dates, f.text("EMA14"),
                compute(IndicatorKind.EMA, new double[] {15}, c, c, c, v, 0), 14, DJIA_CLOSE_ROUNDING);
        assertAgrees("LEAN RSI 14 Wilder", dates, f.text("RSI 14 Wilder"),
                compute(IndicatorKind.RSI, new double[] {14, 70, 30}, c, c, c, v, 0), 14, 0, 480);
        assertDisagrees("LEAN RSI 14 Wilder", dates, f.text("RSI 14 Wilder"),
                compute(IndicatorKind.RSI, new double[] {13, 70, 30}, c, c, c, v, 0), 14, 0);
    }

    private static double[] sma(double[] c, int period) {
        double[] out = new double[c.length];
        SmaIndicator.compute(c, c.length, period, out);
        return out;
    }

    /**
     * LEAN seeds each of MACD's EMAs with the SMA of its own first values (the fast EMA from bar 11),
     * where TA-Lib seeds the fast EMA at bar 25 from closes 14..25. (1) LEAN's line is
     * EMA(12) − EMA(26) of our standard EMA kernel from its first bar; (2) our TA-Lib MACD line
     * converges to it as the seed gap shrinks by 11/13 a bar: 1.9 at bar 40, 2e-3 at bar 80, below
     * 1e-4 from bar {@value #DJIA_MACD_FROM}. The line is a difference of two averages of closes each
     * off by up to {@link #DJIA_CLOSE_ROUNDING}, hence {@link #DJIA_MACD_EXTRA} (observed: 1.9e-4).
     */
    static final int DJIA_MACD_FROM = 100;
    static final double DJIA_MACD_EXTRA = 2 * DJIA_CLOSE_ROUNDING;

    @Test
    void djiaMacdLineUsesSeparatelySeededEmas() {
        ReferenceCsv f = csv("lean_djia_daily_sma14_ema14_macd_rsi14.csv");
        String[] dates = f.text("datetime");
        double[] c = f.numbers("Close");
        double[] v = new double[c.length];
        String[] expected = f.text("MACD 12 26");
        double[] fast = compute(IndicatorKind.EMA, new double[] {12}, c, c, c, v, 0);
        double[] slow = compute(IndicatorKind.EMA, new double[] {26}, c, c, c, v, 0);
        double[] leanLine = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            leanLine[i] = fast[i] - slow[i];
        }
        assertAgrees("LEAN MACD line from standard EMAs", dates, expected, leanLine, 25, DJIA_MACD_EXTRA, 470);
        double[] talib = compute(IndicatorKind.MACD, new double[] {12, 26, 9}, c, c, c, v, 0);
        assertAgrees("TA-Lib MACD line vs LEAN", dates, expected, talib, DJIA_MACD_FROM, DJIA_MACD_EXTRA, 390);
        assertDisagrees("TA-Lib MACD line vs LEAN before convergence", dates, expected, talib, 26, DJIA_MACD_EXTRA);
        double[] wrong = compute(IndicatorKind.MACD, new double[] {12, 27, 9}, c, c, c, v, 0);
        assertDisagrees("TA-Lib MACD line vs LEAN", dates, expected, wrong, DJIA_MACD_FROM, DJIA_MACD_EXTRA);
    }

    /**
     * Monthly MACD(12, 26, 9) with signal and histogram: the same seeding difference as the daily line,
     * compared from bar {@value #MONTHLY_MACD_FROM} where it has decayed below 1e-8. The cells hold 7
     * significant digits written with float noise ("6.588833999999999"), so their printed decimals say
     * nothing; {@link #MONTHLY_MACD_EXTRA} covers 7-digit rounding of values up to 100 (observed
     * residual: 6e-6). A signal period of 8 misses by far more.
     */
    static final int MONTHLY_MACD_FROM = 150;
    static final double MONTHLY_MACD_EXTRA = 1e-5;

    @Test
    void monthlyMacdWithSignalConverges() {
        ReferenceCsv f = csv("lean_spy_monthly_macd_12_26_9.csv");
        String[] dates = f.text("datetime");
        double[] c = f.numbers("Close");
        double[] v = new double[c.length];
        String[] columns = {"MACD", "Signal", "Histogram"};
        for (int k = 0; k < 3; k++) {
            double[] ours = compute(IndicatorKind.MACD, new double[] {12, 26, 9}, c, c, c, v, k);
            assertAgrees("LEAN monthly " + columns[k], dates, f.text(columns[k]), ours, MONTHLY_MACD_FROM, MONTHLY_MACD_EXTRA, 150);
            double[] wrong = compute(IndicatorKind.MACD, new double[] {12, 26, 8}, c, c, c, v, k);
            if (k > 0) {
                assertDisagrees("LEAN monthly " + columns[k], dates, f.text(columns[k]), wrong, MONTHLY_MACD_FROM, MONTHLY_MACD_EXTRA);
            }
        }
    }

    /** Monthly EMA14, SMA-seeded with the first value on the 14th row: TA-Lib's convention exactly. */
    @Test
    void monthlyEma14() {
        ReferenceCsv f = csv("lean_spy_monthly_ema14.csv");
        String[] dates = f.text("datetime_utc");
        double[] c = f.numbers("close");
        double[] v = new double[c.length];
        assertAgrees("LEAN monthly EMA14", dates, f.text("EMA14"),
                compute(IndicatorKind.EMA, new double[] {14}, c, c, c, v, 0), 13, 0, 340);
        assertDisagrees("LEAN monthly EMA14", dates, f.text("EMA14"),
                compute(IndicatorKind.EMA, new double[] {13}, c, c, c, v, 0), 13, 0);
    }

    /**
     * BB(20, 2) with an SMA middle and population σ: TA-Lib's definition. LEAN prints 3–4 decimals; the
     * middle band agrees to 2e-13, the outer bands exceed their 4-decimal rounding by up to 1.05e-5
     * (LEAN's charting source apparently builds them from a separately rounded σ), hence
     * {@link #BB_EXTRA}.
     */
    static final double BB_EXTRA = 2e-5;

    @Test
    void bollingerBands20x2() {
        ReferenceCsv f = csv("lean_spy_daily_bollinger_20_2.csv");
        String[] dates = f.text("datetime");
        double[] h = f.numbers("High");
        double[] l = f.numbers("Low");
        double[] c = f.numbers("Close");
        double[] v = new double[c.length];
        String[] columns = {"Bollinger Bands® 20 2 Top", "Moving Average 20", "Bollinger Bands® 20 2 Bottom"};
        for (int k = 0; k < 3; k++) {
            assertAgrees("LEAN " + columns[k], dates, f.text(columns[k]),
                    compute(IndicatorKind.BOLLINGER_BANDS, new double[] {20, 2}, h, l, c, v, k), 19, BB_EXTRA, 470);
            assertDisagrees("LEAN " + columns[k], dates, f.text(columns[k]),
                    compute(IndicatorKind.BOLLINGER_BANDS, new double[] {21, 2}, h, l, c, v, k), 20, BB_EXTRA);
        }
    }

    /**
     * LEAN's Wilder ATR starts at index 13 with the mean of TR[0..13], TR[0] = high − low (the
     * StockCharts convention); the same one-flat-bar padding as in {@link StockChartsReferenceTest}
     * turns TA-Lib's ATR into it. LEAN prints 5–6 significant digits.
     */
    @Test
    void atr14Wilder() {
        ReferenceCsv f = csv("lean_spy_daily_atr14_wilder.csv");
        String[] dates = f.text("datetime");
        double[] h = f.numbers("High");
        double[] l = f.numbers("Low");
        double[] c = f.numbers("Close");
        String[] expected = f.text("Average True Range 14");
        assertAgrees("LEAN ATR14 Wilder", dates, expected, StockChartsReferenceTest.stockChartsAtr(h, l, c, 14), 13, 0, 480);
        assertDisagrees("LEAN ATR14 Wilder", dates, expected, StockChartsReferenceTest.stockChartsAtr(h, l, c, 13), 13, 0);
    }

    /**
     * Stochastic(12, %K smoothing 3, %D 5): same definition; LEAN shows slow %K from bar 13, TA-Lib
     * only once %D exists (bar 17), so bars 13–16 are not compared. LEAN prints 5 decimals but differs
     * by up to 3.7e-4 points (on 0–100) beyond that, without a seeding or window explanation (a 1-bar
     * window shift or a cent of price rounding would move it by points): {@link #STOCH_EXTRA}.
     */
    static final double STOCH_EXTRA = 5e-4;

    @Test
    void stochastic12x3x5() {
        ReferenceCsv f = csv("lean_spy_daily_stochastic_12_3_5.csv");
        String[] dates = f.text("datetime");
        double[] h = f.numbers("High");
        double[] l = f.numbers("Low");
        double[] c = f.numbers("Close");
        double[] v = new double[c.length];
        // params in catalog order: k_period, d_period, smooth_k
        double[] p = {12, 5, 3};
        assertAgrees("LEAN stochastic %K", dates, f.text("Stochastics 12 %K 3"),
                compute(IndicatorKind.STOCHASTIC, p, h, l, c, v, 0), 17, STOCH_EXTRA, 480);
        assertAgrees("LEAN stochastic %D", dates, f.text("%D 5"),
                compute(IndicatorKind.STOCHASTIC, p, h, l, c, v, 1), 17, STOCH_EXTRA, 480);
        assertDisagrees("LEAN stochastic %K", dates, f.text("Stochastics 12 %K 3"),
                compute(IndicatorKind.STOCHASTIC, new double[] {14, 5, 3}, h, l, c, v, 0), 19, STOCH_EXTRA);
    }

    /**
     * LEAN's OBV also starts from volume[0] (its second cell is volume[0] − volume[1] after a down
     * close), it only leaves the first cell blank. The file's volumes are printed to 7 significant
     * digits (±50 shares each) while LEAN summed exact volumes, so the error can accumulate:
     * {@link #OBV_EXTRA} bounds it for 500 bars. Starting from 0 instead (the other common convention)
     * is off by volume[0] ≈ 1.2e8 and must not pass.
     */
    static final double OBV_EXTRA = 500 * 50;

    @Test
    void obv() {
        ReferenceCsv f = csv("lean_spy_daily_obv.csv");
        String[] dates = f.text("datetime");
        double[] c = f.numbers("Close");
        double[] vol = f.numbers("Volume");
        double[] ours = compute(IndicatorKind.OBV, new double[] {1}, c, c, c, vol, 0);
        double[] shifted = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            shifted[i] = ours[i] - vol[0];
        }
        assertAgrees("LEAN OBV", dates, f.text("OBV"), ours, 1, OBV_EXTRA, 480);
        assertDisagrees("LEAN OBV", dates, f.text("OBV"), shifted, 1, OBV_EXTRA);
    }
}
