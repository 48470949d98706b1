package com.sigmatiq.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metrics of a hand-made curve: initial 100, daily equity 102, 99, 101, 104, 100, 103, trades with returns
 * +5%, −2%, +1%, 0 (P&amp;L 500, −200, 100, 0; 3, 1, 0, 2 days), 4 exposed sessions. Each expectation is
 * written out from its DESIGN §4 definition; pinned literals were computed with 40-digit mpmath.
 */
class MetricsCalculatorTest {

    static final double INITIAL = 100;
    static final double[] EQUITY = {102, 99, 101, 104, 100, 103};
    static final double[] RETURNS = {0.05, -0.02, 0.01, 0.0};
    static final double[] PNL = {500, -200, 100, 0};
    static final int[] DAYS = {3, 1, 0, 2};
    static final double TOL = 1e-12;

    static double[] r() {
        return new double[] {102 / 100.0 - 1, 99 / 102.0 - 1, 101 / 99.0 - 1, 104 / 101.0 - 1, 100 / 104.0 - 1,
            103 / 100.0 - 1};
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sampleSd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double popMoment(double[] x, int k) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += Math.pow(v - m, k);
        }
        return s / x.length;
    }

    Metrics compute() {
        return MetricsCalculator.compute(INITIAL, EQUITY, RETURNS, PNL, DAYS, 4, 1, 0);
    }

    @Test
    void curveMetricsFromTheirDefinitions() {
        Metrics m = compute();
        double[] r = r();
        int n = r.length;
        double annualized = Math.pow(1.03, 252.0 / n) - 1;
        assertThat(m.totalReturn()).isCloseTo(103 / 100.0 - 1, within(TOL));
        assertThat(m.annualizedReturn()).isCloseTo(annualized, within(TOL * annualized));
        assertThat(m.annualizedReturn()).isCloseTo(2.460695893531818, within(1e-12));
        assertThat(m.sharpeRatio()).isCloseTo(mean(r) / sampleSd(r) * Math.sqrt(252), within(TOL));
        assertThat(m.sharpeRatio()).isCloseTo(2.745620406106878, within(1e-12));
        double downside = 0;
        for (double v : r) {
            downside += Math.min(v, 0) * Math.min(v, 0);
        }
        assertThat(m.sortinoRatio()).isCloseTo(mean(r) / Math.sqrt(downside / n) * Math.sqrt(252), within(TOL));
        assertThat(m.sortinoRatio()).isCloseTo(4.287399886533785, within(1e-11));
        // peaks 102 then 104: troughs 99/102 − 1 and 100/104 − 1 = −1/26
        assertThat(m.maxDrawdown()).isCloseTo(-1.0 / 26, within(TOL));
        assertThat(m.calmarRatio()).isCloseTo(annualized * 26, within(1e-10));
        assertThat(m.exposure()).isCloseTo(4.0 / 6, within(TOL));
    }

    @Test
    void tradeMetricsFromTheirDefinitions() {
        Metrics m = compute();
        assertThat(m.totalTrades()).isEqualTo(4);
        assertThat(m.winRate()).isEqualTo(0.5);                       // 2 of 4 above 0; the 0 is no winner
        assertThat(m.profitFactor()).isCloseTo(600.0 / 200, within(TOL));
        assertThat(m.avgTradeDurationDays()).isEqualTo(1.5);
        assertThat(m.bestTrade()).isEqualTo(0.05);
        assertThat(m.worstTrade()).isEqualTo(-0.02);
        assertThat(m.avgWinner()).isCloseTo(0.03, within(TOL));
        assertThat(m.avgLoser()).isCloseTo(-0.02, within(TOL));
    }

    @Test
    void probabilisticSharpeWithOneTrial() {
        double[] r = r();
        int n = r.length;
        double sr = mean(r) / sampleSd(r);
        double skew = popMoment(r, 3) / Math.pow(popMoment(r, 2), 1.5);
        double kurt = popMoment(r, 4) / Math.pow(popMoment(r, 2), 2);
        double expected = StandardNormal.cdf(sr * Math.sqrt(n - 1) / Math.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr * sr));
        assertThat(compute().deflatedSharpeRatio()).isCloseTo(expected, within(TOL));
        assertThat(compute().deflatedSharpeRatio()).isCloseTo(0.6425848288707559, within(1e-12));
        assertThat(MetricsCalculator.dailySharpe(r)).isCloseTo(0.17295782831292774, within(1e-13));
    }

    @Test
    void deflatedSharpeWithTenTrials() {
        double[] r = r();
        int n = r.length;
        double g = 0.5772156649015329;
        double sr0 = Math.sqrt(0.01) * ((1 - g) * StandardNormal.inverseCdf(1 - 1 / 10.0)
                + g * StandardNormal.inverseCdf(1 - 1 / (10 * Math.E)));
        assertThat(MetricsCalculator.expectedMaxSharpe(10, 0.01)).isCloseTo(sr0, within(TOL));
        assertThat(sr0).isCloseTo(0.157459830134575, within(1e-12));
        double sr = mean(r) / sampleSd(r);
        double skew = popMoment(r, 3) / Math.pow(popMoment(r, 2), 1.5);
        double kurt = popMoment(r, 4) / Math.pow(popMoment(r, 2), 2);
        double expected = StandardNormal.cdf((sr - sr0) * Math.sqrt(n - 1)
                / Math.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr * sr));
        assertThat(MetricsCalculator.deflatedSharpe(r, 10, 0.01)).isCloseTo(expected, within(TOL));
        assertThat(MetricsCalculator.deflatedSharpe(r, 10, 0.01)).isCloseTo(0.5130589584343985, within(1e-12));
        Metrics m = MetricsCalculator.compute(INITIAL, EQUITY, RETURNS, PNL, DAYS, 4, 10, 0.01);
        assertThat(m.deflatedSharpeRatio()).isCloseTo(0.5130589584343985, within(1e-12));
        assertThat(compute().withDeflatedSharpeRatio(m.deflatedSharpeRatio())).isEqualTo(m);
    }

    @Test
    void nullsWhereDesignSaysNull() {
        // rising curve, no trades: no drawdown → calmar null; per-trade metrics null
        Metrics m = MetricsCalculator.compute(100, new double[] {101, 102, 103}, new double[0], new double[0],
                new int[0], 0, 1, 0);
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.calmarRatio()).isNull();
        assertThat(m.sortinoRatio()).isZero(); // no negative day
        assertThat(m.totalTrades()).isZero();
        assertThat(List.of("win_rate", "profit_factor", "avg_trade_duration_days", "best_trade", "worst_trade",
                "avg_winner", "avg_loser")).allSatisfy(k -> assertThat(m.toMap().get(k)).as(k).isNull());
        assertThat(m.exposure()).isZero();
        // winners only: profit factor and avg_loser null
        Metrics w = MetricsCalculator.compute(100, new double[] {101, 102}, new double[] {0.01}, new double[] {1},
                new int[] {1}, 1, 1, 0);
        assertThat(w.profitFactor()).isNull();
        assertThat(w.avgLoser()).isNull();
        assertThat(w.avgWinner()).isEqualTo(0.01);
    }

    @Test
    void flatCurveHasZeroSharpeAndNoDeflatedSharpe() {
        Metrics m = MetricsCalculator.compute(100, new double[] {100, 100, 100}, new double[0], new double[0],
                new int[0], 0, 1, 0);
        assertThat(m.sharpeRatio()).isZero();
        assertThat(m.deflatedSharpeRatio()).isNull();
        assertThat(m.totalReturn()).isZero();
        assertThat(m.annualizedReturn()).isZero();
        Metrics one = MetricsCalculator.compute(100, new double[] {105}, new double[0], new double[0], new int[0],
                0, 1, 0);
        assertThat(one.sharpeRatio()).isZero();                // n < 2
        assertThat(one.deflatedSharpeRatio()).isNull();
        assertThat(one.annualizedReturn()).isCloseTo(Math.pow(1.05, 252) - 1, within(1e-6));
    }

    @Test
    void toMapHasTheDesignNamesInOrder() {
        assertThat(compute().toMap().keySet()).containsExactly("total_return", "annualized_return", "sharpe_ratio",
                "sortino_ratio", "max_drawdown", "calmar_ratio", "win_rate", "profit_factor", "total_trades",
                "avg_trade_duration_days", "best_trade", "worst_trade", "avg_winner", "avg_loser", "exposure",
                "deflated_sharpe_ratio");
        assertThat(compute().toMap().get("total_trades")).isEqualTo(4);
    }

    @Test
    void rejectsBadTrialInputs() {
        assertThatThrownBy(() -> MetricsCalculator.deflatedSharpe(r(), 0, 0.01)).hasMessageContaining("trials");
        assertThatThrownBy(() -> MetricsCalculator.deflatedSharpe(r(), 5, -1)).hasMessageContaining("variance");
    }
}
