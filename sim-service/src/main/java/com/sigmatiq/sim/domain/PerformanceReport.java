package com.sigmatiq.sim.domain;

import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's 7.4 performance of a paper account: the period, the paper results by DESIGN §4's formulas over the
 * paper sessions, the comparison with the configuration's backtest figures, the recommendation with each rule's check,
 * and the reconciliation with a backtest over the period's bars.
 *
 * @param modelId              the published model (the seed's {@code model_id})
 * @param status               the account's status
 * @param period               {@code <first session> to <last session>}, or null before the first bar
 * @param sessions             sessions covered so far
 * @param periodSessions       sessions of the whole period
 * @param recommendation       null until the period is complete
 * @param recommendationChecks each rule's {@code required}, {@code actual}, {@code pass}; null until complete
 * @param reconciliation       null until complete
 */
public record PerformanceReport(String modelId, String accountId, String status, String period, int sessions,
                                int periodSessions, Results paperTradingResults,
                                Map<String, Comparison> comparisonToBacktest, String recommendation,
                                Map<String, RecommendationRules.Check> recommendationChecks,
                                Reconciliation reconciliation, Instant completedAt) {

    /** The seed's {@code paper_trading_results}, with the starting and final equity. */
    public record Results(int totalTrades, int winningTrades, int losingTrades, Double winRate, double totalReturn,
                          double sharpeRatio, double maxDrawdown, Double avgTradeReturn, Double bestTrade,
                          Double worstTrade, double startingEquity, double finalEquity, double exposure) {
    }

    /** One figure, backtest against paper, with the difference as the seed writes it ({@code "+0.045"}). */
    public record Comparison(Double backtest, Double paper, String difference) {

        public static Comparison of(Double backtest, Double paper) {
            return new Comparison(backtest, paper, backtest == null || paper == null ? null : signed(paper - backtest));
        }
    }

    /** The configuration's backtest figures the paper results are compared with. */
    public record BacktestFigures(Double winRate, Double sharpe) {
    }

    /** The paper results of {@code book} so far (an empty curve gives zeros). */
    public static Results results(PaperBook book, double startingEquity) {
        List<PaperBook.Trade> trades = book.trades();
        int n = trades.size();
        double[] returns = new double[n];
        double[] pnl = new double[n];
        int[] durations = new int[n];
        int winners = 0;
        int losers = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            PaperBook.Trade t = trades.get(i);
            returns[i] = t.returnFraction();
            pnl[i] = t.pnl();
            durations[i] = t.durationDays();
            winners += t.returnFraction() > 0 ? 1 : 0;
            losers += t.returnFraction() < 0 ? 1 : 0;
            sum += t.returnFraction();
        }
        List<PaperBook.SessionEquity> curve = book.equityCurve();
        if (curve.isEmpty()) {
            return new Results(0, 0, 0, null, 0, 0, 0, null, null, null, startingEquity, startingEquity, 0);
        }
        double[] equity = curve.stream().mapToDouble(PaperBook.SessionEquity::equity).toArray();
        Metrics m = MetricsCalculator.compute(startingEquity, equity, returns, pnl, durations, book.exposureSessions(), 1, 0.0);
        return new Results(n, winners, losers, m.winRate(), m.totalReturn(), m.sharpeRatio(), m.maxDrawdown(),
                n == 0 ? null : sum / n, m.bestTrade(), m.worstTrade(), startingEquity, equity[equity.length - 1],
                m.exposure());
    }

    /** The comparison block: win rate and Sharpe, as the seed. */
    public static Map<String, Comparison> comparison(Results r, BacktestFigures b) {
        Map<String, Comparison> c = new LinkedHashMap<>();
        c.put("win_rate", Comparison.of(b == null ? null : b.winRate(), r.winRate()));
        c.put("sharpe", Comparison.of(b == null ? null : b.sharpe(), r.sharpeRatio()));
        return c;
    }

    /** {@code +0.045}, {@code -0.17}: signed, at most three decimals. */
    static String signed(double d) {
        BigDecimal v = BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        if (v.signum() == 0) {
            return "0";
        }
        String s = v.toPlainString();
        return v.signum() > 0 ? "+" + s : s;
    }
}
