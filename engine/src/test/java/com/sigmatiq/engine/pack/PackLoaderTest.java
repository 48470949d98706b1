package com.sigmatiq.engine.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.expr.ValueType;
import com.sigmatiq.engine.indicator.IndicatorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PackLoaderTest {

    private static Map<String, String> seedFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String f : PackLoader.FILES) {
            files.put(f, Files.readString(TestData.pack("swingsigma").resolve(f)));
        }
        return files;
    }

    @Test
    void loadsTheSeedPackUnchanged() {
        Pack pack = PackLoader.load(TestData.pack("swingsigma"));
        assertThat(pack.id()).isEqualTo("swingsigma");
        assertThat(pack.version()).isEqualTo("1.0.0");
        assertThat(pack.info().supportedInstruments()).containsExactly("stocks", "options");
        assertThat(pack.indicatorIds()).containsExactly("rsi", "macd", "stochastic", "ema_20", "ema_50", "adx",
                "bollinger_bands", "atr", "obv", "volume_ma");
        IndicatorDef ema = pack.indicator("ema_20").orElseThrow();
        assertThat(ema.kind()).isEqualTo(IndicatorKind.EMA);
        assertThat(ema.category()).isEqualTo("trend");
        assertThat(ema.param("period")).isEqualTo(20);
        assertThat(pack.indicator("macd").orElseThrow().param("slow_period")).isEqualTo(26);
        assertThat(pack.indicator("bollinger_bands").orElseThrow().param("std_dev")).isEqualTo(2);
        assertThat(pack.features()).extracting(FeatureDef::id, FeatureDef::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rsi_divergence", ValueType.NUMBER),
                org.assertj.core.groups.Tuple.tuple("macd_cross", ValueType.BOOLEAN),
                org.assertj.core.groups.Tuple.tuple("trend_strength", ValueType.NUMBER),
                org.assertj.core.groups.Tuple.tuple("bb_squeeze", ValueType.BOOLEAN),
                org.assertj.core.groups.Tuple.tuple("volume_surge", ValueType.BOOLEAN),
                org.assertj.core.groups.Tuple.tuple("momentum_composite", ValueType.NUMBER));
        StrategyDef momentum = pack.strategy("momentum_swing").orElseThrow();
        assertThat(momentum.entryLogic()).extracting(StrategyDef.RuleLine::expression)
                .containsExactly("rsi > 50 AND rsi < 70", "macd_cross == true", "adx > 25", "price > ema_20");
        assertThat(momentum.exitLogic()).hasSize(3).allMatch(r -> r.weight() == 1);
        assertThat(pack.strategyIds()).containsExactly("momentum_swing", "mean_reversion_swing", "breakout_swing");
        assertThat(pack.gates().quality()).containsEntry("min_trades", 30.0).containsEntry("max_drawdown_pct", 25.0);
        assertThat(pack.gates().risk()).containsEntry("max_var_95", 10.0);
        assertThat(pack.policies().riskManagement()).isEqualTo(new Policies.RiskManagement(8, 16, true, 5, 10));
        assertThat(pack.policies().positionSizing().method()).isEqualTo("kelly_fraction");
        assertThat(pack.policies().positionSizing().maxPositionPct()).isEqualTo(5);
        assertThat(pack.contentHash()).hasSize(64);
        assertThat(pack.symbols().slot("macd")).isNotNegative();
    }

    @Test
    void contentHashIgnoresLineEndingsButNotContent() throws IOException {
        Map<String, String> files = seedFiles();
        String h = PackLoader.contentHash(files);
        Map<String, String> crlf = new TreeMap<>(files);
        crlf.replaceAll((k, v) -> v.replace("\n", "\r\n"));
        assertThat(PackLoader.contentHash(crlf)).isEqualTo(h);
        Map<String, String> changed = new TreeMap<>(files);
        changed.put("gates.yaml", files.get("gates.yaml").replace("min_trades: 30", "min_trades: 31"));
        assertThat(PackLoader.contentHash(changed)).isNotEqualTo(h);
    }

    /** Loads the seed with one text replaced and returns the single error it must produce. */
    private static PackError onlyError(String file, String from, String to) throws IOException {
        List<PackError> errors = errors(file, from, to);
        assertThat(errors).as("errors for %s", errors).hasSize(1);
        return errors.get(0);
    }

    private static List<PackError> errors(String file, String from, String to) throws IOException {
        Map<String, String> files = seedFiles();
        String text = files.get(file);
        assertThat(text).contains(from);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        try {
            PackLoader.load(files);
        } catch (PackValidationException e) {
            return e.errors();
        }
        throw new AssertionError("the broken pack loaded");
    }

    /** 1-based line and column of {@code needle} in the seed's {@code file} after replacing {@code from} with {@code to}. */
    private static int[] position(String file, String from, String to, String needle) throws IOException {
        String text = seedFiles().get(file).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        String[] lines = text.split("\n", -1);
        int start = text.indexOf(to);
        int lineOfChange = (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
        for (int i = lineOfChange; i < lines.length; i++) {
            int c = lines[i].indexOf(needle);
            if (c >= 0) {
                return new int[] {i + 1, c + 1};
            }
        }
        throw new AssertionError(needle + " not found");
    }

    private static void assertAt(PackError e, String file, int[] pos) {
        assertThat(e.file()).isEqualTo(file);
        assertThat(new int[] {e.line(), e.column()}).as(e.toString()).containsExactly(pos);
    }

    @Test
    void unknownIndicatorKindNamesNearestKinds() throws IOException {
        PackError e = onlyError("indicators.yaml", "id: \"atr\"", "id: \"atr_fast\"");
        assertAt(e, "indicators.yaml", position("indicators.yaml", "id: \"atr\"", "id: \"atr_fast\"", "atr_fast"));
        assertThat(e.message()).contains("unknown indicator kind 'atr_fast'").contains("did you mean 'atr'");
    }

    @Test
    void unknownExplicitTypeIsAnError() throws IOException {
        PackError e = onlyError("indicators.yaml", "name: \"On-Balance Volume\"", "name: \"On-Balance Volume\"\n      type: \"obvv\"");
        assertThat(e.message()).contains("unknown indicator kind 'obvv'").contains("obv");
    }

    @Test
    void unknownParameterNamesTheValidOnes() throws IOException {
        PackError e = onlyError("indicators.yaml", "smooth_k: 3", "smoothk: 3");
        assertAt(e, "indicators.yaml", position("indicators.yaml", "smooth_k: 3", "smoothk: 3", "smoothk"));
        assertThat(e.message()).contains("unknown parameter 'smoothk'").contains("smooth_k");
    }

    @Test
    void illTypedAndOutOfRangeParameters() throws IOException {
        PackError typed = onlyError("indicators.yaml", "fast_period: 12", "fast_period: \"twelve\"");
        assertAt(typed, "indicators.yaml", position("indicators.yaml", "fast_period: 12", "fast_period: \"twelve\"", "twelve"));
        assertThat(typed.message()).contains("fast_period").contains("an integer");
        PackError fractional = onlyError("indicators.yaml", "period: 50", "period: 50.5");
        assertThat(fractional.message()).contains("period").contains("an integer from 2");
        PackError range = onlyError("indicators.yaml", "std_dev: 2", "std_dev: -1");
        assertThat(range.message()).contains("std_dev").contains("-1");
        PackError order = onlyError("indicators.yaml", "fast_period: 12", "fast_period: 30");
        assertThat(order.message()).contains("fast_period (30) must be shorter than slow_period (26)");
    }

    @Test
    void duplicateIds() throws IOException {
        PackError ind = onlyError("indicators.yaml", "id: \"atr\"", "id: \"rsi\"");
        assertThat(ind.message()).contains("duplicate indicator id 'rsi' (first at line 4)"); // indicators.yaml line 4: - id: "rsi"
        PackError feat = onlyError("features.yaml", "id: \"momentum_composite\"", "id: \"trend_strength\"");
        assertThat(feat.message()).contains("duplicate feature id 'trend_strength'");
        PackError strat = onlyError("strategies.yaml", "id: \"breakout_swing\"", "id: \"momentum_swing\"");
        assertThat(strat.message()).contains("duplicate strategy id 'momentum_swing'");
        PackError clash = onlyError("features.yaml", "id: \"trend_strength\"", "id: \"adx\"");
        assertThat(clash.message()).contains("'adx' is already the name of an indicator output");
    }

    @Test
    void featureReferencingAnUnknownNameNamesThePosition() throws IOException {
        PackError e = onlyError("features.yaml", "detect_divergence(price, rsi)", "detect_divergence(price, rsii)");
        assertAt(e, "features.yaml", position("features.yaml", "detect_divergence(price, rsi)", "detect_divergence(price, rsii)", "rsii"));
        assertThat(e.message()).contains("rsii").contains("rsi");
    }

    @Test
    void ruleReferencingAnUnknownName() throws IOException {
        PackError e = onlyError("strategies.yaml", "\"adx > 25\"", "\"adxx > 25\"");
        assertAt(e, "strategies.yaml", position("strategies.yaml", "\"adx > 25\"", "\"adxx > 25\"", "adxx"));
        assertThat(e.message()).contains("adxx").contains("adx");
    }

    @Test
    void ruleThatDoesNotParse() throws IOException {
        PackError e = onlyError("strategies.yaml", "\"rsi > 50 AND rsi < 70\"", "\"rsi > 50 AND AND rsi < 70\"");
        int[] at = position("strategies.yaml", "\"rsi > 50 AND rsi < 70\"", "\"rsi > 50 AND AND rsi < 70\"", "AND AND");
        assertThat(e.line()).isEqualTo(at[0]);
        assertThat(e.column()).isEqualTo(at[1] + 4); // the second AND is the unexpected token
    }

    @Test
    void numericRuleIsATypeError() throws IOException {
        PackError e = onlyError("strategies.yaml", "\"price > ema_20\"", "\"price - ema_20\"");
        assertThat(e.message()).contains("must be true or false").contains("is a number");
        assertAt(e, "strategies.yaml", position("strategies.yaml", "\"price > ema_20\"", "\"price - ema_20\"", "price - ema_20"));
    }

    @Test
    void booleanArithmeticInAFeatureIsATypeError() throws IOException {
        PackError e = onlyError("features.yaml", "\"volume > volume_ma * 1.5\"", "\"(volume > volume_ma) * 1.5\"");
        assertThat(e.file()).isEqualTo("features.yaml");
        assertThat(e.message()).contains("volume_surge");
    }

    @Test
    void featureCycleIsAnError() throws IOException {
        Map<String, String> files = seedFiles();
        files.put("features.yaml", files.get("features.yaml")
                .replace("\"adx * sign(ema_20 - ema_50)\"", "\"adx * sign(ema_20 - ema_50) * momentum_composite\"")
                .replace("normalized(stochastic)\"", "normalized(stochastic) + trend_strength\""));
        assertThatThrownBy(() -> PackLoader.load(files)).isInstanceOfSatisfying(PackValidationException.class, e ->
                assertThat(e.errors()).extracting(PackError::message).anySatisfy(m -> assertThat(m)
                        .contains("depends on itself").contains("trend_strength").contains("momentum_composite")));
    }

    @Test
    void gatesOutOfRangeOrUnknown() throws IOException {
        PackError range = onlyError("gates.yaml", "max_drawdown_pct: 25", "max_drawdown_pct: 250");
        assertAt(range, "gates.yaml", position("gates.yaml", "max_drawdown_pct: 25", "max_drawdown_pct: 250", "250"));
        assertThat(range.message()).contains("from 0 to 100");
        PackError unknown = onlyError("gates.yaml", "min_sharpe: 0.7", "min_sharp: 0.7");
        assertThat(unknown.message()).contains("unknown quality gate 'min_sharp'").contains("min_sharpe");
        PackError corr = onlyError("gates.yaml", "max_correlation: 0.7", "max_correlation: 1.7");
        assertThat(corr.message()).contains("max_correlation");
    }

    @Test
    void policiesOutOfRange() throws IOException {
        PackError e = onlyError("policies.yaml", "stop_loss_pct: 8", "stop_loss_pct: 150");
        assertThat(e.message()).contains("stop_loss_pct");
        PackError m = onlyError("policies.yaml", "method: \"kelly_fraction\"", "method: \"kelly\"");
        assertThat(m.message()).contains("kelly_fraction");
    }

    @Test
    void aPackWithSeveralErrorsReportsThemAllAndLoadsNothing() throws IOException {
        Map<String, String> files = seedFiles();
        files.put("gates.yaml", files.get("gates.yaml").replace("min_trades: 30", "min_trades: -3"));
        files.put("strategies.yaml", files.get("strategies.yaml").replace("\"adx > 25\"", "\"adxx > 25\""));
        files.remove("policies.yaml");
        assertThatThrownBy(() -> PackLoader.load(files))
                .isInstanceOfSatisfying(PackValidationException.class, e -> assertThat(e.errors())
                        .extracting(PackError::file).containsExactly("strategies.yaml", "gates.yaml", "policies.yaml"))
                .hasMessageContaining("3 errors");
    }

    @Test
    void yamlSyntaxErrorHasAPosition() throws IOException {
        List<PackError> errors = errors("pack.yaml", "  version: \"1.0.0\"", "  version: [\"1.0.0\"");
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).message()).startsWith("not valid YAML");
        assertThat(errors.get(0).line()).isPositive();
    }

    @Test
    void loadsFromAFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (Map.Entry<String, String> e : seedFiles().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        Files.delete(dir.resolve("features.yaml"));
        assertThatThrownBy(() -> PackLoader.load(dir)).isInstanceOf(PackValidationException.class)
                .hasMessageContaining("features.yaml: missing");
    }
}
