package com.sigmatiq.engine.expr;

import static com.sigmatiq.engine.expr.ExprFixtures.NaN;
import static com.sigmatiq.engine.expr.ExprFixtures.SWINGSIGMA;
import static com.sigmatiq.engine.expr.ExprFixtures.col;
import static com.sigmatiq.engine.expr.ExprFixtures.constant;
import static com.sigmatiq.engine.expr.ExprFixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The seed pack's formulas, read from packs/swingsigma, compile and give hand-checked values. */
class SwingsigmaFormulasTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static Map<String, String> features() {
        JsonNode root = YAML.readTree(TestData.pack("swingsigma").resolve("features.yaml").toFile());
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode f : root.get("features")) {
            out.put(f.get("id").asString(), f.get("calculation").asString());
        }
        return out;
    }

    private static List<String> ruleLines() {
        JsonNode root = YAML.readTree(TestData.pack("swingsigma").resolve("strategies.yaml").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode s : root.get("strategies")) {
            for (JsonNode line : s.get("entry_logic")) {
                out.add(line.asString());
            }
            for (JsonNode line : s.get("exit_logic")) {
                out.add(line.asString());
            }
        }
        return out;
    }

    @Test
    void everyFeatureCompilesWithItsType() {
        Map<String, String> features = features();
        assertThat(features).hasSize(6);
        for (Map.Entry<String, String> f : features.entrySet()) {
            CompiledExpression e = ExpressionCompiler.compile(f.getValue(), SWINGSIGMA);
            assertThat(e.type()).as(f.getKey()).isEqualTo(SWINGSIGMA.type(SWINGSIGMA.slot(f.getKey())));
        }
    }

    @Test
    void everyStrategyLineCompilesAsABooleanRule() {
        List<String> lines = ruleLines();
        assertThat(lines).hasSize(21); // 3 strategies × (4 entry + 3 exit)
        for (String line : lines) {
            assertThat(ExpressionCompiler.compile(line, SWINGSIGMA, ValueType.BOOLEAN).type()).isEqualTo(ValueType.BOOLEAN);
        }
    }

    // ---------------------------------------------------------------- momentum_composite

    private static double[] ramp(int n, double start, double step) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = start + step * i;
        }
        return c;
    }

    @Test
    void momentumCompositeLiesInZeroToThree() {
        String f = "normalized(rsi) + normalized(macd) + normalized(stochastic)";
        int n = 250;
        // rising: the current value is the window's max (1); flat: 0.5; falling: the min (0)
        double[] up = eval(f, Map.of("rsi", ramp(n, 20, 0.2), "macd", ramp(n, -1, 0.01),
                "stochastic", ramp(n, 0, 0.3)));
        double[] mixed = eval(f, Map.of("rsi", ramp(n, 20, 0.2), "macd", ramp(n, 1, -0.01),
                "stochastic", constant(n, 50)));
        double[] down = eval(f, Map.of("rsi", ramp(n, 80, -0.2), "macd", ramp(n, 1, -0.01),
                "stochastic", ramp(n, 90, -0.3)));
        for (int i = 0; i < n; i++) {
            if (i < 99) { // normalized's default window is 100 bars, current included
                assertThat(up[i]).as("bar %d", i).isNaN();
            } else {
                assertThat(up[i]).as("bar %d", i).isEqualTo(3.0);
                assertThat(mixed[i]).as("bar %d", i).isEqualTo(1.5);
                assertThat(down[i]).as("bar %d", i).isEqualTo(0.0);
            }
        }
        // a wave: every defined value lies in [0, 3]
        double[] rsi = new double[n];
        double[] macd = new double[n];
        double[] stoch = new double[n];
        for (int i = 0; i < n; i++) {
            rsi[i] = 50 + 20 * Math.sin(i / 7.0);
            macd[i] = Math.cos(i / 5.0);
            stoch[i] = 50 + 40 * Math.sin(i / 3.0 + 1);
        }
        rsi[150] = NaN; // a gap makes the sum NaN for the 100 bars whose window holds it
        double[] wave = eval(f, Map.of("rsi", rsi, "macd", macd, "stochastic", stoch));
        for (int i = 99; i < n; i++) {
            if (i >= 150 && i < 250) {
                assertThat(wave[i]).as("bar %d", i).isNaN();
            } else {
                assertThat(wave[i]).as("bar %d", i).isBetween(0.0, 3.0);
            }
        }
    }

    // ---------------------------------------------------------------- the other features

    @Test
    void trendStrengthTakesTheSignOfTheEmaSpread() {
        double[] out = eval("adx * sign(ema_20 - ema_50)", Map.of(
                "adx", col(30, 30, 30, 100, NaN),
                "ema_20", col(101, 99, 100, 0.5, 100),
                "ema_50", col(100, 100, 100, 0.25, 100)));
        assertThat(out).containsExactly(30, -30, 0, 100, NaN);
        assertThat(eval("adx * sign(ema_20 - ema_50)", Map.of("adx", col(25), "ema_20", col(NaN), "ema_50", col(1))))
                .containsExactly(NaN);
    }

    @Test
    void bollingerSqueeze() {
        double[] out = eval("(bb_upper - bb_lower) / bb_middle < 0.04", Map.of(
                "bb_upper", col(101, 104, 102, NaN, 1),
                "bb_lower", col(99, 96, 98, 99, 1),
                "bb_middle", col(100, 100, 100, 100, 0)));
        // 0.02, 0.08, exactly 0.04 (not below), NaN (false), 0/0 = NaN (false)
        assertThat(out).containsExactly(1, 0, 0, 0, 0);
    }

    @Test
    void volumeSurge() {
        double[] out = eval("volume > volume_ma * 1.5", Map.of(
                "volume", col(1600, 1500, 900, 2000, NaN),
                "volume_ma", col(1000, 1000, 1000, NaN, 1000)));
        assertThat(out).containsExactly(1, 0, 0, 0, 0);
    }

    @Test
    void macdCrossIsFalseWhenItCannotBeComputedSoItsNegationHolds() {
        double[] macdLine = col(NaN, NaN, 0.5, -0.2, 0.3);
        double[] signal = col(NaN, NaN, 0.1, 0.1, NaN);
        double[] cross = eval("macd_line > signal_line", Map.of("macd_line", macdLine, "signal_line", signal));
        assertThat(cross).containsExactly(0, 0, 1, 0, 0);
        // the feature's column feeds the rule lines that name it
        assertThat(eval("macd_cross == false", Map.of("macd_cross", cross))).containsExactly(1, 1, 0, 1, 1);
        assertThat(eval("macd_cross == true", Map.of("macd_cross", cross))).containsExactly(0, 0, 1, 0, 0);
    }

    @Test
    void rsiDivergenceIsNaNUntilFifteenBarsThenBounded() {
        int n = 60;
        double[] price = new double[n];
        double[] rsi = new double[n];
        for (int i = 0; i < n; i++) {
            price[i] = 100 + i;              // price rises steadily
            rsi[i] = 70 - 0.5 * i + (i % 3); // the oscillator falls: bearish divergence
        }
        double[] out = eval("detect_divergence(price, rsi)", Map.of("price", price, "rsi", rsi));
        for (int i = 0; i < n; i++) {
            if (i < 14) {
                assertThat(out[i]).as("bar %d", i).isNaN();
            } else {
                assertThat(out[i]).as("bar %d", i).isBetween(-1.0, 0.0);
            }
        }
    }

    // ---------------------------------------------------------------- strategy lines on one bar

    @Test
    void momentumSwingLinesOnHandBuiltBars() {
        Map<String, double[]> bar = Map.of(
                "rsi", col(55, 75, NaN),
                "macd_cross", col(1, 0, 0),
                "adx", col(30, 20, NaN),
                "price", col(101, 99, 100),
                "ema_20", col(100, 100, NaN));
        assertThat(eval("rsi > 50 AND rsi < 70", bar)).containsExactly(1, 0, 0);
        assertThat(eval("macd_cross == true", bar)).containsExactly(1, 0, 0);
        assertThat(eval("adx > 25", bar)).containsExactly(1, 0, 0);
        assertThat(eval("price > ema_20", bar)).containsExactly(1, 0, 0);
        assertThat(eval("rsi > 70 OR rsi < 30", bar)).containsExactly(0, 1, 0);
        assertThat(eval("macd_cross == false", bar)).containsExactly(0, 1, 1);
        assertThat(eval("price < ema_20", bar)).containsExactly(0, 1, 0);
    }

    @Test
    void breakoutSwingAdxIncreasing() {
        assertThat(eval("adx increasing", Map.of("adx", col(20, 21, 21, 19, NaN, 22, 23))))
                .containsExactly(0, 1, 0, 0, 0, 0, 1);
        assertThat(eval("bb_squeeze == true", Map.of("bb_squeeze", col(0, 1, 1)))).containsExactly(0, 1, 1);
    }
}
