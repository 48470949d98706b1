package com.sigmatiq.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sigmatiq.engine.TestData;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.backtest.Sizing;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.metrics.Metrics;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GateTest {

    static GateThresholds swingsigma() throws Exception {
        String yaml = Files.readString(TestData.pack("swingsigma").resolve("gates.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> root = new YAMLMapper().readValue(yaml, Map.class);
        return GateThresholds.fromPack(root);
    }

    /** The seed's §4.1 metrics: 87 trades, Sharpe 1.85, drawdown −0.118, win rate 0.58. */
    static Metrics seedMetrics() {
        return new Metrics(0.287, 0.143, 1.85, 2.24, -0.118, 0.143 / 0.118, 0.58, 2.1, 87, 4.2, 0.089, -0.061,
                0.028, -0.013, 0.4, 0.9);
    }

    static GateInputs seedInputs() {
        return new GateInputs(seedMetrics(), 2, 250_000, 0.004, 0.02, 0.021, null);
    }

    @Test
    void packDefaultsAreFractionsInside() throws Exception {
        GateThresholds g = swingsigma();
        assertThat(g).isEqualTo(new GateThresholds(30.0, 0.7, 0.25, 0.40, 10.0, 100_000.0, 0.01, 0.05, 0.7, 0.10));
        assertThat(g.toPackUnits()).containsExactly(Map.entry("min_trades", 30.0), Map.entry("min_sharpe", 0.7),
                Map.entry("max_drawdown_pct", 25.0), Map.entry("min_win_rate", 40.0),
                Map.entry("max_slippage_bps", 10.0), Map.entry("min_volume", 100_000.0),
                Map.entry("max_spread_pct", 1.0), Map.entry("max_position_size_pct", 5.0),
                Map.entry("max_correlation", 0.7), Map.entry("max_var_95", 10.0));
    }

    @Test
    void sweepQualityGatesOverrideThePack() throws Exception {
        Map<String, Double> o = new HashMap<>();
        o.put("min_trades", 50.0);
        o.put("max_drawdown_pct", 15.0);
        o.put("max_var_95", null); // null removes the check
        GateThresholds g = swingsigma().withOverrides(o);
        assertThat(g.minTrades()).isEqualTo(50.0);
        assertThat(g.maxDrawdown()).isEqualTo(0.15);
        assertThat(g.maxVar95()).isNull();
        assertThat(g.minSharpe()).isEqualTo(0.7);
        assertThat(g.maxPositionSize()).isEqualTo(0.05);
    }

    @Test
    void unknownKeysAreRefusedWithTheValidOnes() throws Exception {
        assertThatThrownBy(() -> swingsigma().withOverrides(Map.of("max_drawdown", 20.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown gate 'max_drawdown'")
                .hasMessageContaining("min_trades, min_sharpe, max_drawdown_pct, min_win_rate, max_slippage_bps, "
                        + "min_volume, max_spread_pct, max_position_size_pct, max_correlation, max_var_95");
        assertThatThrownBy(() -> GateThresholds.fromPack(Map.of("quality", Map.of("min_volume", 5))))
                .hasMessageContaining("gates.quality: unknown key 'min_volume'")
                .hasMessageContaining("valid: min_trades, min_sharpe, max_drawdown_pct, min_win_rate");
        assertThatThrownBy(() -> GateThresholds.fromPack(Map.of("liquidity", Map.of())))
                .hasMessageContaining("unknown section 'liquidity'");
        assertThatThrownBy(() -> GateThresholds.NONE.withOverrides(Map.of("max_drawdown_pct", 250.0)))
                .hasMessageContaining("max_drawdown_pct must be in [0.0, 100.0]");
    }

    @Test
    void seedVerdictShape() {
        Map<String, Double> quality = new LinkedHashMap<>();
        quality.put("min_trades", 30.0);
        quality.put("min_sharpe", 0.7);
        quality.put("max_drawdown_pct", 25.0);
        quality.put("min_win_rate", 40.0);
        GateVerdict v = GateEvaluator.evaluate(GateThresholds.NONE.withOverrides(quality), seedInputs());
        Map<String, Object> expected = Map.of("pass", true, "checks", Map.of(
                "min_trades", Map.of("required", 30L, "actual", 87L, "pass", true),
                "min_sharpe", Map.of("required", 0.7, "actual", 1.85, "pass", true),
                "max_drawdown", Map.of("required", 0.25, "actual", 0.118, "pass", true),
                "min_win_rate", Map.of("required", 0.40, "actual", 0.58, "pass", true)));
        assertThat(v.toMap()).isEqualTo(expected);
        assertThat(v.checks().keySet()).containsExactly("min_trades", "min_sharpe", "max_drawdown", "min_win_rate");
    }

    @Test
    void everyPackCheckWithUnitsAsReported() throws Exception {
        GateInputs in = new GateInputs(seedMetrics(), 2, 250_000, 0.004, 0.02, 0.021,
                0.35);
        GateVerdict v = GateEvaluator.evaluate(swingsigma(), in);
        assertThat(v.pass()).isTrue();
        assertThat(v.checks().keySet()).containsExactly("min_trades", "min_sharpe", "max_drawdown", "min_win_rate",
                "max_slippage_bps", "min_volume", "max_spread_pct", "max_position_size_pct", "max_correlation",
                "max_var_95");
        assertThat(v.checks().get("max_slippage_bps")).isEqualTo(new GateVerdict.Check(10, 2.0, true));
        assertThat(v.checks().get("min_volume")).isEqualTo(new GateVerdict.Check(100_000, 250_000.0, true));
        assertThat(v.checks().get("max_spread_pct")).isEqualTo(new GateVerdict.Check(1.0, 0.4, true));
        assertThat(v.checks().get("max_position_size_pct")).isEqualTo(new GateVerdict.Check(5.0, 2.0, true));
        assertThat(v.checks().get("max_correlation")).isEqualTo(new GateVerdict.Check(0.7, 0.35, true));
        assertThat(v.checks().get("max_var_95")).isEqualTo(new GateVerdict.Check(10.0, 2.1, true));
    }

    @Test
    void eachCheckFailsOnItsOwn() throws Exception {
        GateThresholds g = swingsigma();
        Metrics base = seedMetrics();
        Map<String, GateInputs> failing = new LinkedHashMap<>();
        failing.put("min_trades", new GateInputs(withTrades(base, 29), 2, 250_000, 0.004, 0.02, 0.021, null));
        failing.put("min_sharpe", new GateInputs(new Metrics(0.1, 0.05, 0.69, 1, -0.1, 0.5, 0.58, 2.1, 87, 4.2,
                0.089, -0.061, 0.028, -0.013, 0.4, 0.5), 2, 250_000, 0.004, 0.02, 0.021, null));
        failing.put("max_drawdown", new GateInputs(new Metrics(0.1, 0.05, 1.85, 1, -0.2501, 0.2, 0.58, 2.1, 87,
                4.2, 0.089, -0.061, 0.028, -0.013, 0.4, 0.5), 2, 250_000, 0.004, 0.02, 0.021, null));
        failing.put("min_win_rate", new GateInputs(new Metrics(0.1, 0.05, 1.85, 1, -0.1, 0.5, 0.39, 2.1, 87, 4.2,
                0.089, -0.061, 0.028, -0.013, 0.4, 0.5), 2, 250_000, 0.004, 0.02, 0.021, null));
        failing.put("max_slippage_bps", new GateInputs(base, 10.5, 250_000, 0.004, 0.02, 0.021, null));
        failing.put("min_volume", new GateInputs(base, 2, 99_999, 0.004, 0.02, 0.021, null));
        failing.put("max_spread_pct", new GateInputs(base, 2, 250_000, 0.0101, 0.02, 0.021, null));
        failing.put("max_position_size_pct", new GateInputs(base, 2, 250_000, 0.004, 0.06, 0.021, null));
        failing.put("max_correlation", new GateInputs(base, 2, 250_000, 0.004, 0.02, 0.021, 0.71));
        failing.put("max_var_95", new GateInputs(base, 2, 250_000, 0.004, 0.02, 0.11, null));
        for (Map.Entry<String, GateInputs> e : failing.entrySet()) {
            GateVerdict v = GateEvaluator.evaluate(g, e.getValue());
            assertThat(v.pass()).as(e.getKey()).isFalse();
            v.checks().forEach((k, c) -> assertThat(c.pass()).as(e.getKey() + " → " + k).isEqualTo(!k.equals(e.getKey())));
        }
    }

    @Test
    void boundariesPassAndUnmeasurableChecksFailExceptCorrelation() throws Exception {
        GateThresholds g = swingsigma();
        // exactly at every limit passes (5% size, 10% VaR, 1% spread, 25% drawdown, 30 trades)
        GateVerdict edge = GateEvaluator.evaluate(g, new GateInputs(new Metrics(0.1, 0.05, 0.7, 1, -0.25, 0.2,
                0.40, 2.1, 30, 4.2, 0.089, -0.061, 0.028, -0.013, 0.4, 0.5), 10, 100_000, 0.01, 0.05, 0.10, 0.7));
        assertThat(edge.pass()).isTrue();
        // no trades: win rate null fails; one session: spread NaN fails; no other models: correlation passes
        GateVerdict none = GateEvaluator.evaluate(g, new GateInputs(new Metrics(0, 0, 0, 0, 0, null, null, null, 0,
                null, null, null, null, null, 0, null), 2, 250_000, Double.NaN, 0, 0, null));
        assertThat(none.checks().get("min_win_rate")).isEqualTo(new GateVerdict.Check(0.40, null, false));
        assertThat(none.checks().get("max_spread_pct")).isEqualTo(new GateVerdict.Check(1.0, null, false));
        assertThat(none.checks().get("max_correlation")).isEqualTo(new GateVerdict.Check(0.7, null, true));
        assertThat(GateEvaluator.evaluate(GateThresholds.NONE, seedInputs()).toMap())
                .isEqualTo(Map.of("pass", true, "checks", Map.of()));
    }

    @Test
    void corwinSchultzHandExample() {
        // pair 1: H 101/102, L 99/100: β = ln(101/99)² + ln(1.02)², γ = ln(102/99)², α < 0 → S < 0 → counts 0
        double k = 3 - 2 * Math.sqrt(2);
        double beta1 = Math.pow(Math.log(101 / 99.0), 2) + Math.pow(Math.log(1.02), 2);
        double gamma1 = Math.pow(Math.log(102 / 99.0), 2);
        double alpha1 = (Math.sqrt(2 * beta1) - Math.sqrt(beta1)) / k - Math.sqrt(gamma1 / k);
        double s1 = 2 * (Math.exp(alpha1) - 1) / (1 + Math.exp(alpha1));
        assertThat(s1).isCloseTo(-0.004122108538858227, within(1e-15));
        assertThat(CorwinSchultz.twoDaySpread(101, 99, 102, 100)).isCloseTo(s1, within(1e-15));
        // pair 2: H 102/101.5, L 100/100.5: S = 0.005642664982758168 (40-digit mpmath)
        assertThat(CorwinSchultz.twoDaySpread(102, 100, 101.5, 100.5)).isCloseTo(0.005642664982758168, within(1e-15));
        double estimate = CorwinSchultz.estimate(new double[] {101, 102, 101.5}, new double[] {99, 100, 100.5});
        assertThat(estimate).isCloseTo((0 + 0.005642664982758168) / 2, within(1e-15));
        assertThat(CorwinSchultz.estimate(new double[] {101}, new double[] {99})).isNaN();
    }

    @Test
    void historicalVarUsesTheLowerEmpiricalQuantile() {
        double[] twenty = new double[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = 0.001 * i - 0.004; // −0.004 … 0.015
        }
        assertThat(HistoricalVar.var95(twenty)).isCloseTo(0.004, within(1e-15)); // ⌈1⌉ = 1st smallest
        double[] twentyOne = java.util.Arrays.copyOf(twenty, 21);
        twentyOne[20] = -0.01;
        assertThat(HistoricalVar.var95(twentyOne)).isCloseTo(0.004, within(1e-15)); // ⌈1.05⌉ = 2nd smallest
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = (99 - i) * 0.001 - 0.01; // 0.089 … −0.01
        }
        assertThat(HistoricalVar.var95(hundred)).isCloseTo(0.006, within(1e-15)); // 5th smallest: −0.006
        assertThat(HistoricalVar.var95(new double[0])).isNaN();
    }

    @Test
    void correlationIsOnCommonSessionDates() {
        ReturnCurve a = new ReturnCurve(new long[] {1, 2, 3, 4, 6}, new double[] {0.01, -0.02, 0.03, 0.0, 9});
        ReturnCurve b = new ReturnCurve(new long[] {0, 1, 2, 3, 4}, new double[] {5, 0.02, -0.04, 0.06, 0.0});
        assertThat(a.correlationWith(b)).isCloseTo(1.0, within(1e-12));
        ReturnCurve c = new ReturnCurve(new long[] {1, 2, 3, 4}, new double[] {-0.01, 0.02, -0.03, 0.0});
        assertThat(a.correlationWith(c)).isCloseTo(-1.0, within(1e-12));
        assertThat(a.correlationWith(new ReturnCurve(new long[] {6, 7}, new double[] {1, 2}))).isNaN();
    }

    @Test
    void inputsMeasuredFromABacktest() {
        // three daily sessions, volume 1,000, 2,000, 3,000; a 2% position held to the end
        LocalDate d = LocalDate.of(2024, 3, 4);
        long[] time = new long[3];
        for (int i = 0; i < 3; i++) {
            time[i] = d.plusDays(i).atStartOfDay(BarSeries.NEW_YORK).toInstant().toEpochMilli();
        }
        BarSeries bars = new BarSeries("T", BarSeries.NEW_YORK, Timeframe.D1, time, new double[] {100, 101, 102},
                new double[] {101, 102, 101.5}, new double[] {99, 100, 100.5}, new double[] {100, 101, 102},
                new double[] {1000, 2000, 3000});
        SessionClock clock = SessionClock.of(bars);
        SignalColumns s = new SignalColumns(new double[] {1, 0, 0}, new boolean[] {true, false, false}, new boolean[3]);
        ExecutionParams p = new ExecutionParams(0.5, 0, 0, 0, 0, 3, 0, 0, 100_000, new Sizing.FixedFraction(0.02));
        BacktestResult r = Backtester.run(bars, clock, s, 0, 3, p);
        ReturnCurve other = ReturnCurve.of(r, 100_000);
        GateInputs in = GateInputs.of(r, bars, clock, 0, 3, p, List.of(other));
        assertThat(in.averageDailyVolume()).isEqualTo(2000.0);
        assertThat(in.spread()).isCloseTo(0.005642664982758168 / 2, within(1e-15));
        assertThat(in.maxPositionSize()).isEqualTo(0.02);
        assertThat(in.slippageBps()).isEqualTo(3.0);
        assertThat(in.correlation()).isCloseTo(1.0, within(1e-12)); // against itself
        assertThat(GateInputs.of(r, bars, clock, 0, 3, p, List.of()).correlation()).isNull();
        // daily returns: 0, (equity₁/100,000 − 1) < 0 (bought at 101 × 1.0003 in a 101 close), then a gain
        double[] eq = r.dailyEquity();
        double worst = Math.min(0, Math.min(eq[1] / 100_000 - 1, eq[2] / eq[1] - 1));
        assertThat(in.var95()).isCloseTo(-worst, within(1e-15));
    }

    static Metrics withTrades(Metrics m, int trades) {
        return new Metrics(m.totalReturn(), m.annualizedReturn(), m.sharpeRatio(), m.sortinoRatio(), m.maxDrawdown(),
                m.calmarRatio(), m.winRate(), m.profitFactor(), trades, m.avgTradeDurationDays(), m.bestTrade(),
                m.worstTrade(), m.avgWinner(), m.avgLoser(), m.exposure(), m.deflatedSharpeRatio());
    }
}
