package com.sigmatiq.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked column kernels of {@code normalized} and {@code detect_divergence} over long series: the batch
 * result equals the streaming one bit for bit on every bar, across many blocks, with the hard cases placed at
 * and around block edges — NaN and infinite gaps, flat runs, windows whose values differ only in their last
 * bits, zeros of both signs, a length that is no multiple of the block. The streaming form is the per-bar
 * definition (ring buffers and deques); the batch form shares no loop with it.
 */
class ColumnKernelsTest {

    private static final SymbolTable T = SymbolTable.builder()
            .add("x", ValueType.NUMBER).add("y", ValueType.NUMBER).build();

    @ParameterizedTest(name = "{0} over {1} bars")
    @CsvSource({
            "'normalized(x, 100)', 5003",
            "'normalized(x, 7)', 3001",
            "'normalized(x, 1)', 1200",
            "'normalized(y, 512)', 4000",
            "'normalized(x, 600)', 6000",
            "'detect_divergence(x, y)', 5003",
            "'detect_divergence(x, y, 2)', 3001",
            "'detect_divergence(y, x, 40)', 4097",
            "'detect_divergence(x, y, 600)', 6000",
            "'normalized(x, 30) + detect_divergence(y, x, 9)', 4500"})
    void batchEqualsStreamBitwise(String source, int n) {
        double[][] cols = hardColumns(n, new Random(source.hashCode()));
        CompiledExpression e = ExpressionCompiler.compile(source, T);
        double[] batch = new double[n];
        e.evaluate(cols, n, batch);
        ExpressionStream s = e.stream();
        double[] bar = new double[2];
        int finite = 0;
        for (int t = 0; t < n; t++) {
            bar[0] = cols[0][t];
            bar[1] = cols[1][t];
            double v = s.update(bar);
            assertThat(Double.doubleToRawLongBits(batch[t])).as("bar %d: batch %s, stream %s", t, batch[t], v)
                    .isEqualTo(Double.doubleToRawLongBits(v));
            if (Double.isFinite(v)) {
                finite++;
            }
        }
        // the comparison is not vacuous: most bars have a value
        assertThat(finite).isGreaterThan(n / 3);
    }

    /** x: a random walk with the hard cases; y: an oscillator-like series with its own gaps. */
    static double[][] hardColumns(int n, Random r) {
        double[] x = new double[n];
        double[] y = new double[n];
        double level = 100;
        for (int t = 0; t < n; t++) {
            level += r.nextGaussian();
            x[t] = level;
            y[t] = 50 + 30 * Math.sin(t / 17.0) + 5 * r.nextGaussian();
        }
        int[] edges = {511, 512, 513, 1023, 1024, 1536 + 14, 2048 - 15};
        for (int edge : edges) {
            if (edge < n) {
                x[edge] = Double.NaN;
            }
        }
        if (n > 3100) {
            y[3000] = Double.POSITIVE_INFINITY;
            x[3100] = Double.NEGATIVE_INFINITY;
        }
        // a flat run longer than a divergence window, then values one ulp apart, then zeros of both signs
        fill(x, 1200, 60, 7.25);
        for (int t = 1300; t < Math.min(n, 1360); t++) {
            x[t] = 7.25 + (t % 3) * Math.ulp(7.25);
            y[t] = 1e-3 + (t % 5) * Math.ulp(1e-3);
        }
        for (int t = 1400; t < Math.min(n, 1500); t++) {
            x[t] = (t % 4 == 0) ? -0.0 : (t % 4 == 1 ? 0.0 : (t % 4 == 2 ? 0.5 : -0.5));
            y[t] = (t % 2 == 0) ? 0.0 : -0.0;
        }
        return new double[][] {x, y};
    }

    private static void fill(double[] v, int from, int len, double value) {
        for (int t = from; t < Math.min(v.length, from + len); t++) {
            v[t] = value;
        }
    }
}
