package com.sigmatiq.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

/** Symbol tables and an evaluate-both-ways helper shared by the expression tests. */
final class ExprFixtures {

    static final double NaN = Double.NaN;

    /** The names the swingsigma pack's formulas may use: indicator outputs, bar fields, feature ids. */
    static final SymbolTable SWINGSIGMA = swingsigma();

    private ExprFixtures() {
    }

    private static SymbolTable swingsigma() {
        SymbolTable.Builder b = SymbolTable.builder();
        for (String n : new String[] {"rsi", "macd_line", "macd", "signal_line", "macd_histogram", "stochastic",
                "stochastic_d", "ema_20", "ema_50", "adx", "plus_di", "minus_di", "bb_upper", "bb_middle", "bb_lower",
                "atr", "obv", "volume_ma", "open", "high", "low", "close", "volume", "price",
                "rsi_divergence", "trend_strength", "momentum_composite"}) {
            b.add(n, ValueType.NUMBER);
        }
        for (String n : new String[] {"macd_cross", "bb_squeeze", "volume_surge"}) {
            b.add(n, ValueType.BOOLEAN);
        }
        return b.build();
    }

    /**
     * Evaluates {@code source} over the given columns in batch and streaming, checks that the two agree
     * bitwise, and returns the batch result.
     */
    static double[] eval(String source, SymbolTable symbols, Map<String, double[]> columns) {
        CompiledExpression e = ExpressionCompiler.compile(source, symbols);
        int n = -1;
        double[][] cols = new double[symbols.size()][];
        for (Map.Entry<String, double[]> c : columns.entrySet()) {
            int slot = symbols.slot(c.getKey());
            assertThat(slot).as("symbol %s", c.getKey()).isNotNegative();
            cols[slot] = c.getValue();
            n = n < 0 ? c.getValue().length : Math.min(n, c.getValue().length);
        }
        if (n < 0) {
            n = 1;
        }
        double[] out = new double[n];
        e.evaluate(cols, n, out);
        ExpressionStream s = e.stream();
        double[] bar = new double[symbols.size()];
        for (int i = 0; i < n; i++) {
            for (int slot = 0; slot < cols.length; slot++) {
                bar[slot] = cols[slot] == null ? NaN : cols[slot][i];
            }
            double v = s.update(bar);
            assertThat(Double.doubleToLongBits(v)).as("stream = batch at bar %d of %s: %s vs %s", i, source, v, out[i])
                    .isEqualTo(Double.doubleToLongBits(out[i]));
        }
        return out;
    }

    static double[] eval(String source, Map<String, double[]> columns) {
        return eval(source, SWINGSIGMA, columns);
    }

    static double[] col(double... v) {
        return v;
    }

    static double[] constant(int n, double v) {
        double[] c = new double[n];
        Arrays.fill(c, v);
        return c;
    }
}
