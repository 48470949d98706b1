package com.sigmatiq.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeding the real SPY daily bars one at a time gives bitwise the batch value at every bar, for every
 * kind and several parameter sets including the smallest periods the catalog allows; {@code reset()}
 * then a replay gives the same again; {@code isReady()} turns true exactly at bar {@code warmupBars()},
 * which is the largest {@link IndicatorKind#warmup} plus one; and each output's first non-NaN batch value
 * is at {@link IndicatorKind#warmup}.
 */
class StreamingMatchesBatchTest {

    static double[] open;
    static double[] high;
    static double[] low;
    static double[] close;
    static double[] volume;
    static int n;

    @BeforeAll
    static void load() {
        ReferenceCsv m = ReferenceCsv.read(TestData.data(TalibReferenceTest.MARKET));
        open = m.numbers("open");
        high = m.numbers("high");
        low = m.numbers("low");
        close = m.numbers("close");
        volume = m.numbers("volume");
        n = close.length;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(IndicatorKind.RSI, new double[] {14, 70, 30}),
                Arguments.of(IndicatorKind.RSI, new double[] {2, 70, 30}),
                Arguments.of(IndicatorKind.RSI, new double[] {3, 80, 20}),
                Arguments.of(IndicatorKind.MACD, new double[] {12, 26, 9}),
                Arguments.of(IndicatorKind.MACD, new double[] {2, 3, 1}),
                Arguments.of(IndicatorKind.MACD, new double[] {26, 12, 9}),
                Arguments.of(IndicatorKind.MACD, new double[] {5, 5, 2}),
                Arguments.of(IndicatorKind.STOCHASTIC, new double[] {14, 3, 3}),
                Arguments.of(IndicatorKind.STOCHASTIC, new double[] {1, 1, 1}),
                Arguments.of(IndicatorKind.STOCHASTIC, new double[] {5, 1, 2}),
                Arguments.of(IndicatorKind.STOCHASTIC, new double[] {40, 7, 4}),
                Arguments.of(IndicatorKind.EMA, new double[] {2}),
                Arguments.of(IndicatorKind.EMA, new double[] {20}),
                Arguments.of(IndicatorKind.EMA, new double[] {200}),
                Arguments.of(IndicatorKind.ADX, new double[] {14, 25}),
                Arguments.of(IndicatorKind.ADX, new double[] {2, 25}),
                Arguments.of(IndicatorKind.ADX, new double[] {30, 20}),
                Arguments.of(IndicatorKind.BOLLINGER_BANDS, new double[] {20, 2}),
                Arguments.of(IndicatorKind.BOLLINGER_BANDS, new double[] {2, 1}),
                Arguments.of(IndicatorKind.BOLLINGER_BANDS, new double[] {50, 2.5}),
                Arguments.of(IndicatorKind.ATR, new double[] {14}),
                Arguments.of(IndicatorKind.ATR, new double[] {1}),
                Arguments.of(IndicatorKind.ATR, new double[] {2}),
                Arguments.of(IndicatorKind.OBV, new double[] {1}),
                Arguments.of(IndicatorKind.VOLUME_MA, new double[] {20}),
                Arguments.of(IndicatorKind.VOLUME_MA, new double[] {1}),
                Arguments.of(IndicatorKind.VOLUME_MA, new double[] {2}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void streamingIsBitIdenticalToBatch(IndicatorKind kind, double[] params) {
        int outputs = kind.outputCount();
        double[][] batch = new double[outputs][n];
        Indicators.compute(kind, params, open, high, low, close, volume, n, batch);

        StreamingIndicator s = Indicators.streaming(kind, params);
        int maxWarmup = 0;
        for (int k = 0; k < outputs; k++) {
            maxWarmup = Math.max(maxWarmup, kind.warmup(params, k));
        }
        assertThat(s.warmupBars()).as("warmupBars").isEqualTo(maxWarmup + 1);

        replay(kind, params, s, batch, "first pass");
        s.reset();
        assertThat(s.isReady()).as("ready after reset").isFalse();
        for (int k = 0; k < outputs; k++) {
            assertThat(s.value(k)).as("value %d after reset", k).isNaN();
        }
        replay(kind, params, s, batch, "after reset");
    }

    private static void replay(IndicatorKind kind, double[] params, StreamingIndicator s, double[][] batch, String pass) {
        for (int i = 0; i < n; i++) {
            assertThat(s.isReady()).as("%s: ready before bar %d", pass, i).isEqualTo(i >= s.warmupBars());
            s.update(open[i], high[i], low[i], close[i], volume[i]);
            for (int k = 0; k < batch.length; k++) {
                double b = batch[k][i];
                double v = s.value(k);
                boolean same = Double.isNaN(b) ? Double.isNaN(v) : Double.doubleToLongBits(b) == Double.doubleToLongBits(v);
                if (!same) {
                    fail("%s %s %s output %d bar %d: batch %s, streaming %s",
                            pass, kind, Arrays.toString(params), k, i, b, v);
                }
            }
            assertThat(s.isReady()).as("%s: ready after bar %d", pass, i).isEqualTo(i + 1 >= s.warmupBars());
        }
    }

    /**
     * Saved at every 37th bar and restored into a fresh indicator (a chain of restarts), it continues with the batch
     * values bit for bit; the restored indicator saves the same bytes.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void savedAndRestoredStateContinuesBitwise(IndicatorKind kind, double[] params) {
        double[][] batch = new double[kind.outputCount()][n];
        Indicators.compute(kind, params, open, high, low, close, volume, n, batch);
        StreamingIndicator s = Indicators.streaming(kind, params);
        for (int i = 0; i < n; i++) {
            s.update(open[i], high[i], low[i], close[i], volume[i]);
            if (i % 37 == 0) {
                StateWriter out = new StateWriter();
                s.writeState(out);
                byte[] state = out.toByteArray();
                s = Indicators.streaming(kind, params);
                StateReader in = new StateReader(state);
                s.readState(in);
                in.expectEnd();
                StateWriter again = new StateWriter();
                s.writeState(again);
                assertThat(again.toByteArray()).as("bar %d: restored state saves the same", i).isEqualTo(state);
                assertThat(s.isReady()).as("ready after restore at bar %d", i).isEqualTo(i + 1 >= s.warmupBars());
            }
            for (int k = 0; k < batch.length; k++) {
                double b = batch[k][i];
                double v = s.value(k);
                if (Double.doubleToLongBits(b) != Double.doubleToLongBits(v) && !(Double.isNaN(b) && Double.isNaN(v))) {
                    fail("%s %s output %d bar %d: batch %s, restored streaming %s", kind, Arrays.toString(params), k, i, b, v);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void warmupIsTheFirstBatchValue(IndicatorKind kind, double[] params) {
        double[][] batch = new double[kind.outputCount()][n];
        Indicators.compute(kind, params, open, high, low, close, volume, n, batch);
        for (int k = 0; k < batch.length; k++) {
            int first = 0;
            while (first < n && Double.isNaN(batch[k][first])) {
                first++;
            }
            assertThat(first).as("%s %s output %d", kind, Arrays.toString(params), k).isEqualTo(kind.warmup(params, k));
            for (int i = first; i < n; i++) {
                assertThat(batch[k][i]).as("output %d bar %d", k, i).isNotNaN();
            }
        }
    }
}
