package com.sigmatiq.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sigmatiq.engine.TestData;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output TA-Lib 0.6.0 also computes agrees with the reference file on every row of SPY daily
 * 1999–2020 (5241 bars), within {@link #RELATIVE} of {@code max(1, |x|)}, and is NaN exactly where the
 * reference cell is empty. The reference was computed by the TA-Lib C library from the same bars
 * (data/SOURCES.md section 2.1); it prints 12 significant digits, far inside the tolerance.
 */
class TalibReferenceTest {

    /** Agreement required: 1e-9 relative to max(1, |expected|). */
    static final double RELATIVE = 1e-9;

    static final String MARKET = "market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv";
    static final String REFERENCE = "reference/talib/SPY_daily_1999-2020_talib_0.6.0_reference.csv";

    static ReferenceCsv market;
    static ReferenceCsv reference;
    static double[] open;
    static double[] high;
    static double[] low;
    static double[] close;
    static double[] volume;
    static int n;

    @BeforeAll
    static void load() {
        market = ReferenceCsv.read(TestData.data(MARKET));
        reference = ReferenceCsv.read(TestData.data(REFERENCE));
        open = market.numbers("open");
        high = market.numbers("high");
        low = market.numbers("low");
        close = market.numbers("close");
        volume = market.numbers("volume");
        n = close.length;
    }

    @Test
    void referenceRowsAreTheMarketBarsInOrder() {
        assertThat(reference.size()).isEqualTo(market.size()).isEqualTo(5241);
        assertThat(reference.text("date")).containsExactly(market.text("date"));
        for (String c : new String[] {"open", "high", "low", "close", "volume"}) {
            assertThat(reference.numbers(c)).as(c).containsExactly(market.numbers(c));
        }
    }

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of("RSI_14", IndicatorKind.RSI, new double[] {14, 70, 30}, 0),
                Arguments.of("RSI_2", IndicatorKind.RSI, new double[] {2, 70, 30}, 0),
                Arguments.of("MACD_12_26_9_macd", IndicatorKind.MACD, new double[] {12, 26, 9}, 0),
                Arguments.of("MACD_12_26_9_signal", IndicatorKind.MACD, new double[] {12, 26, 9}, 1),
                Arguments.of("MACD_12_26_9_hist", IndicatorKind.MACD, new double[] {12, 26, 9}, 2),
                Arguments.of("BB_20_2_upper", IndicatorKind.BOLLINGER_BANDS, new double[] {20, 2}, 0),
                Arguments.of("BB_20_2_middle", IndicatorKind.BOLLINGER_BANDS, new double[] {20, 2}, 1),
                Arguments.of("BB_20_2_lower", IndicatorKind.BOLLINGER_BANDS, new double[] {20, 2}, 2),
                Arguments.of("ATR_14", IndicatorKind.ATR, new double[] {14}, 0),
                Arguments.of("ADX_14", IndicatorKind.ADX, new double[] {14, 25}, 0),
                Arguments.of("PLUS_DI_14", IndicatorKind.ADX, new double[] {14, 25}, 1),
                Arguments.of("MINUS_DI_14", IndicatorKind.ADX, new double[] {14, 25}, 2),
                // params order: k_period, d_period, smooth_k
                Arguments.of("STOCH_14_3_3_slowk", IndicatorKind.STOCHASTIC, new double[] {14, 3, 3}, 0),
                Arguments.of("STOCH_14_3_3_slowd", IndicatorKind.STOCHASTIC, new double[] {14, 3, 3}, 1),
                Arguments.of("EMA_12", IndicatorKind.EMA, new double[] {12}, 0),
                Arguments.of("EMA_20", IndicatorKind.EMA, new double[] {20}, 0),
                Arguments.of("EMA_26", IndicatorKind.EMA, new double[] {26}, 0),
                Arguments.of("EMA_50", IndicatorKind.EMA, new double[] {50}, 0),
                Arguments.of("OBV", IndicatorKind.OBV, new double[] {1}, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void kindAgreesWithTalib(String column, IndicatorKind kind, double[] params, int output) {
        double[][] out = new double[kind.outputCount()][n];
        Indicators.compute(kind, params, open, high, low, close, volume, n, out);
        assertMatches(column, out[output]);
    }

    /** TA-Lib's SMA of the close, through the SMA kernel that also serves {@code volume_ma}. */
    @ParameterizedTest(name = "SMA_{0}")
    @MethodSource("smaPeriods")
    void smaAgreesWithTalib(int period) {
        double[] out = new double[n];
        SmaIndicator.compute(close, n, period, out);
        assertMatches("SMA_" + period, out);
    }

    static Stream<Integer> smaPeriods() {
        return Stream.of(10, 20, 50, 200);
    }

    static void assertMatches(String column, double[] actual) {
        double[] expected = reference.numbers(column);
        String[] dates = reference.text("date");
        for (int i = 0; i < n; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e) != Double.isNaN(a)) {
                fail("%s row %d (%s): expected %s, got %s", column, i, dates[i], e, a);
            }
            if (!Double.isNaN(e) && Math.abs(a - e) > RELATIVE * Math.max(1.0, Math.abs(e))) {
                fail("%s row %d (%s): expected %s, got %s (diff %s)", column, i, dates[i], e, a, a - e);
            }
        }
    }
}
