package com.sigmatiq.engine.expr;

import static com.sigmatiq.engine.expr.ExprFixtures.NaN;
import static com.sigmatiq.engine.expr.ExprFixtures.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Hand-checked values of every operator and function, NaN rules, and the evaluation contract. */
class ExpressionSemanticsTest {

    private static final SymbolTable T = SymbolTable.builder()
            .add("x", ValueType.NUMBER).add("y", ValueType.NUMBER)
            .add("p", ValueType.BOOLEAN).add("q", ValueType.BOOLEAN)
            .build();

    private static double[] eval(String source, Map<String, double[]> cols) {
        return ExprFixtures.eval(source, T, cols);
    }

    private static double[] evalX(String source, double... x) {
        return eval(source, Map.of("x", x));
    }

    @Test
    void arithmeticAndPrecedence() {
        assertThat(evalX("2 + 3 * 4", 0)).containsExactly(14);
        assertThat(evalX("(2 + 3) * 4", 0)).containsExactly(20);
        assertThat(evalX("10 - 4 - 3", 0)).containsExactly(3);
        assertThat(evalX("8 / 4 / 2", 0)).containsExactly(1);
        assertThat(evalX("-2 * 3", 0)).containsExactly(-6);
        assertThat(evalX("- -x", 5)).containsExactly(5);
        assertThat(evalX("x - -x", 5)).containsExactly(10);
        assertThat(evalX("1.5e2 + .5", 0)).containsExactly(150.5);
        assertThat(evalX("x / 0", 1, -1, 0, NaN)).containsExactly(Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, NaN, NaN);
        assertThat(evalX("x + 1", NaN)).containsExactly(NaN);
    }

    @Test
    void comparisonsWithNaNAreFalseIncludingNotEqual() {
        double[] x = {1, 2, 3, NaN};
        assertThat(evalX("x > 2", x)).containsExactly(0, 0, 1, 0);
        assertThat(evalX("x >= 2", x)).containsExactly(0, 1, 1, 0);
        assertThat(evalX("x < 2", x)).containsExactly(1, 0, 0, 0);
        assertThat(evalX("x <= 2", x)).containsExactly(1, 1, 0, 0);
        assertThat(evalX("x == 2", x)).containsExactly(0, 1, 0, 0);
        assertThat(evalX("x != 2", x)).containsExactly(1, 0, 1, 0);
        assertThat(evalX("NOT x == 2", x)).containsExactly(1, 0, 1, 1);
        assertThat(evalX("x == x", x)).containsExactly(1, 1, 1, 0);
    }

    @Test
    void logicTruthTables() {
        Map<String, double[]> pq = Map.of("p", col(0, 0, 1, 1), "q", col(0, 1, 0, 1));
        assertThat(eval("p AND q", pq)).containsExactly(0, 0, 0, 1);
        assertThat(eval("p OR q", pq)).containsExactly(0, 1, 1, 1);
        assertThat(eval("NOT p", pq)).containsExactly(1, 1, 0, 0);
        assertThat(eval("p == q", pq)).containsExactly(1, 0, 0, 1);
        assertThat(eval("p != q", pq)).containsExactly(0, 1, 1, 0);
        assertThat(eval("p == true", pq)).containsExactly(0, 0, 1, 1);
        assertThat(eval("p == FALSE", pq)).containsExactly(1, 1, 0, 0);
        assertThat(eval("p or q and not p", pq)).containsExactly(0, 1, 1, 1);
        // a boolean input of NaN (outside the contract) counts as false; any non-zero as true
        assertThat(eval("p", Map.of("p", col(NaN, 2, 0, 1)))).containsExactly(0, 1, 0, 1);
        assertThat(eval("true", Map.of("p", col(0, 0)))).containsExactly(1, 1);
    }

    @Test
    void absSignMinMaxPropagateNaN() {
        assertThat(evalX("abs(x)", -2, 0, 3, NaN)).containsExactly(2, 0, 3, NaN);
        assertThat(evalX("sign(x)", -2, 0, 3, NaN)).containsExactly(-1, 0, 1, NaN);
        Map<String, double[]> xy = Map.of("x", col(1, 5, NaN, 2), "y", col(3, 4, 1, NaN));
        assertThat(eval("min(x, y)", xy)).containsExactly(1, 4, NaN, NaN);
        assertThat(eval("max(x, y)", xy)).containsExactly(3, 5, NaN, NaN);
    }

    @Test
    void lagAndChange() {
        double[] x = {1, 4, 9, NaN, 25};
        assertThat(evalX("lag(x, 2)", x)).containsExactly(NaN, NaN, 1, 4, 9);
        assertThat(evalX("change(x, 2)", x)).containsExactly(NaN, NaN, 8, NaN, 16);
        assertThat(evalX("change(x, 1)", x)).containsExactly(NaN, 3, 5, NaN, NaN);
        assertThat(evalX("lag(x, 7)", x)).containsOnly(NaN);
        assertThat(evalX("lag(lag(x, 1), 1) == lag(x, 2)", x)).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void increasingAndDecreasing() {
        double[] x = {1, 2, 2, 1, NaN, 3, 4};
        assertThat(evalX("x increasing", x)).containsExactly(0, 1, 0, 0, 0, 0, 1);
        assertThat(evalX("x decreasing", x)).containsExactly(0, 0, 0, 1, 0, 0, 0);
        // the postfix takes the whole additive expression on its left
        assertThat(evalX("x - lag(x, 1) increasing", 1, 2, 4, 5, 5)).containsExactly(0, 0, 1, 0, 0);
    }

    @Test
    void crossesAboveAndBelow() {
        Map<String, double[]> ab = Map.of("x", col(1, 2, 3, 2, 3, NaN, 3), "y", col(2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5));
        assertThat(eval("crosses_above(x, y)", ab)).containsExactly(0, 0, 1, 0, 1, 0, 0);
        assertThat(eval("crosses_below(x, y)", ab)).containsExactly(0, 0, 0, 1, 0, 0, 0);
        // touching from below then rising above counts (a[t−1] ≤ b[t−1]); starting above does not
        assertThat(eval("crosses_above(x, y)", Map.of("x", col(3, 2, 3), "y", col(2, 2, 2)))).containsExactly(0, 0, 1);
    }

    @Test
    void normalizedOverItsWindow() {
        double[] x = {1, 2, 3, 3, 3, 1, NaN, 2, 4, 3};
        assertThat(evalX("normalized(x, 3)", x)).containsExactly(
                NaN, NaN,   // window not yet full
                1,          // [1,2,3]: (3−1)/2
                1,          // [2,3,3]
                0.5,        // [3,3,3]: flat
                0,          // [3,3,1]
                NaN, NaN, NaN, // a NaN in the window
                0.5);       // [2,4,3]: (3−2)/2
        assertThat(evalX("normalized(x, 1)", 5, NaN, -2)).containsExactly(0.5, NaN, 0.5);
        assertThat(evalX("normalized(x)", new double[99])).containsOnly(NaN);
        assertThat(evalX("normalized(x)", new double[100])).endsWith(0.5);
    }

    /**
     * detect_divergence(x, y, 2) by hand: Δ = v[t] − v[t−2], σ = population sd of v[t−1], v[t].
     * t=2: x: Δ=3, σ([2,4])=1 → 3; y: Δ=2, σ([10,12])=1 → 2; (2 − 3)/4 = −0.25.
     * t=3: x: Δ=1, σ([4,3])=0.5 → 2; y: Δ=1, σ([12,11])=0.5 → 2; 0.
     * t=4: x: Δ=1, σ([3,5])=1 → 1; y: Δ=3, σ([11,15])=2 → 1.5; (1.5 − 1)/4 = 0.125.
     * t=5: x: Δ=2, σ([5,5])=0 → term 0; y: Δ=4, σ([15,15])=0 → 0; 0.
     * t=6: x: Δ=−1, σ([5,4])=0.5 → −2; y: Δ=−15, σ([15,0])=7.5 → −2; 0.
     * t=7: x: Δ=−1, σ([4,4])=0 → 0; y: Δ=30−15=15, σ([0,30])=15 → 1; (1 − 0)/4 = 0.25.
     */
    @Test
    void detectDivergenceByHand() {
        Map<String, double[]> xy = Map.of(
                "x", col(1, 2, 4, 3, 5, 5, 4, 4),
                "y", col(10, 10, 12, 11, 15, 15, 0, 30));
        double[] out = eval("detect_divergence(x, y, 2)", xy);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isNaN();
        double[] expected = {-0.25, 0, 0.125, 0, 0, 0.25};
        for (int t = 2; t < 8; t++) {
            assertThat(out[t]).as("t=%d", t).isCloseTo(expected[t - 2], within(1e-12));
        }
    }

    @Test
    void detectDivergenceClipsAndGoesNaNWithGaps() {
        // x rises steadily (term +4), y falls steadily (term −4): (−4 − 4)/4 = −2, clipped to −1
        Map<String, double[]> xy = Map.of("x", col(1, 2, 3, 4, 5, 6), "y", col(3, 2, 1, 0, -1, NaN));
        assertThat(eval("detect_divergence(x, y, 2)", xy)).containsExactly(NaN, NaN, -1, -1, -1, NaN);
        assertThat(eval("-detect_divergence(x, y, 2)", xy)).containsExactly(NaN, NaN, 1, 1, 1, NaN);
        // a NaN at t−n (used by Δ only) also makes it NaN; n+1 bars later it is back
        Map<String, double[]> gap = Map.of("x", col(NaN, 1, 2, 3, 4), "y", col(1, 2, 3, 4, 5));
        assertThat(eval("detect_divergence(x, y, 2)", gap)).containsExactly(NaN, NaN, NaN, 0, 0);
        // the default window is 14: the first value at bar 14
        double[] ramp = new double[20];
        for (int i = 0; i < 20; i++) {
            ramp[i] = i;
        }
        double[] d = eval("detect_divergence(x, y)", Map.of("x", ramp, "y", ramp));
        assertThat(d[13]).isNaN();
        assertThat(d[14]).isEqualTo(0.0);
    }

    @Test
    void detectDivergenceStaysAccurateOverALongSeries() {
        // running sums are rebuilt every n bars: check bar 5000 of a long walk against a two-pass σ
        int n = 5001;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Random r = new java.util.Random(7);
        x[0] = 450;
        y[0] = 50;
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + r.nextGaussian();
            y[i] = Math.max(0, Math.min(100, y[i - 1] + 3 * r.nextGaussian()));
        }
        double[] out = eval("detect_divergence(x, y, 14)", Map.of("x", x, "y", y));
        int t = n - 1;
        double expected = Math.max(-1, Math.min(1, (term(y, t, 14) - term(x, t, 14)) / 4));
        assertThat(out[t]).isCloseTo(expected, within(1e-9));
    }

    private static double term(double[] v, int t, int n) {
        double mean = 0;
        for (int i = t - n + 1; i <= t; i++) {
            mean += v[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = t - n + 1; i <= t; i++) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        double sd = Math.sqrt(ss / n);
        return sd == 0 ? 0 : (v[t] - v[t - n]) / sd;
    }

    // ---------------------------------------------------------------- evaluation contract

    @Test
    void unreferencedColumnsMayBeNullAndMissingOnesAreNamed() {
        CompiledExpression e = ExpressionCompiler.compile("y * 2", T);
        double[] out = new double[2];
        e.evaluate(new double[][] {null, {1, 2}, null, null}, 2, out);
        assertThat(out).containsExactly(2, 4);
        assertThatThrownBy(() -> e.evaluate(new double[][] {{1, 2}, null}, 2, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'y'");
        assertThatThrownBy(() -> e.evaluate(new double[][] {null, {1}}, 2, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than n");
        e.evaluate(new double[][] {null, {}}, 0, new double[0]);
    }

    @Test
    void workspaceReuseAcrossCallsOfDifferentLength() {
        CompiledExpression e = ExpressionCompiler.compile("normalized(x, 3) + detect_divergence(x, y, 2) > lag(x, 1)", T);
        double[] x = {1, 3, 2, 5, 4, 6, 8, 7, 9, 9};
        double[] y = {2, 1, 3, 3, 5, 4, 2, 6, 7, 1};
        double[][] cols = {x, y};
        double[] full = new double[10];
        e.evaluate(cols, 10, full);
        for (int m : new int[] {4, 10, 1, 7}) {
            double[] part = new double[m];
            e.evaluate(cols, m, part);
            for (int i = 0; i < m; i++) {
                assertThat(part[i]).as("n=%d bar %d", m, i).isEqualTo(full[i]);
            }
        }
    }

    @Test
    void streamResetStartsOver() {
        CompiledExpression e = ExpressionCompiler.compile("change(x, 2) + normalized(x, 2)", T);
        ExpressionStream s = e.stream();
        double[] first = new double[4];
        for (int i = 0; i < 4; i++) {
            first[i] = s.update(new double[] {i * i, 0, 0, 0});
        }
        s.reset();
        for (int i = 0; i < 4; i++) {
            assertThat(Double.valueOf(s.update(new double[] {i * i, 0, 0, 0}))).isEqualTo(Double.valueOf(first[i]));
        }
        assertThat(first).containsExactly(NaN, NaN, 4 + 1, 8 + 1);
    }

    @Test
    void concurrentBatchEvaluationOfOneCompiledExpression() throws Exception {
        CompiledExpression e = ExpressionCompiler.compile(
                "normalized(x, 20) * detect_divergence(x, y, 10) + change(y, 3)", T);
        int threads = 8;
        int n = 2000;
        List<double[][]> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        java.util.Random r = new java.util.Random(3);
        for (int k = 0; k < threads; k++) {
            double[] x = new double[n + k * 100];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextInt(50);
                y[i] = r.nextGaussian();
            }
            inputs.add(new double[][] {x, y});
            double[] out = new double[x.length];
            e.evaluate(inputs.get(k), x.length, out);
            expected.add(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                int id = k;
                results.add(pool.submit(() -> {
                    double[][] cols = inputs.get(id);
                    double[] out = new double[cols[0].length];
                    for (int rep = 0; rep < 50; rep++) {
                        e.evaluate(cols, out.length, out);
                        if (!java.util.Arrays.equals(out, expected.get(id))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * No per-bar allocation: once warm, a batch call on a cached workspace and a run of stream
     * updates allocate (almost) nothing, independent of the number of bars. Measured with HotSpot's
     * per-thread allocation counter; skipped where the JVM does not offer it.
     */
    @Test
    void evaluationDoesNotAllocatePerBar() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean hot = (com.sun.management.ThreadMXBean) mx;
        org.junit.jupiter.api.Assumptions.assumeTrue(hot.isThreadAllocatedMemorySupported());
        CompiledExpression e = ExpressionCompiler.compile("normalized(x, 50) + detect_divergence(x, y, 14) * 2 > lag(x, 3)"
                + " AND crosses_above(x, y) OR x increasing", T);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i / 10.0) * 10 + i % 7;
            y[i] = Math.cos(i / 13.0);
        }
        double[][] cols = {x, y, null, null};
        double[] out = new double[n];
        for (int warm = 0; warm < 5; warm++) {
            e.evaluate(cols, n, out);
        }
        long tid = Thread.currentThread().getId();
        long before = hot.getThreadAllocatedBytes(tid);
        e.evaluate(cols, n, out);
        long batchBytes = hot.getThreadAllocatedBytes(tid) - before;

        ExpressionStream s = e.stream();
        double[] bar = new double[4];
        for (int i = 0; i < 20_000; i++) {
            bar[0] = x[i];
            bar[1] = y[i];
            s.update(bar);
        }
        before = hot.getThreadAllocatedBytes(tid);
        for (int i = 20_000; i < n; i++) {
            bar[0] = x[i];
            bar[1] = y[i];
            s.update(bar);
        }
        long streamBytes = hot.getThreadAllocatedBytes(tid) - before;
        assertThat(batchBytes).as("bytes allocated by a warm batch call over %d bars", n).isLessThan(4096);
        assertThat(streamBytes).as("bytes allocated by %d stream updates", n - 20_000).isLessThan(4096);
    }
}
