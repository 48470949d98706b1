package com.sigmatiq.sim.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules that turn a completed paper period into a recommendation ({@code docs/paper.md}). Defaults from
 * {@code sigmatiq.sim.recommendation.*}; an account may carry its own.
 *
 * @param minTrades             fewer closed paper trades: {@code EXTEND_PAPER_TRADING} (too few to judge)
 * @param winRateTolerance      the paper win rate may fall at most this far below the backtest's (fraction)
 * @param sharpeFractionOfBacktest the paper Sharpe must reach this fraction of the backtest's (0 when that is ≤ 0)
 * @param maxDrawdown           the paper drawdown may reach at most this magnitude (0.10 = 10%)
 * @param maxReconciliationMismatches paper trades that differ from the backtest's (missing, extra or different)
 */
public record RecommendationRules(int minTrades, double winRateTolerance, double sharpeFractionOfBacktest,
                                  double maxDrawdown, int maxReconciliationMismatches) {

    public static final RecommendationRules DEFAULTS = new RecommendationRules(5, 0.10, 0.5, 0.10, 0);

    public RecommendationRules {
        if (minTrades < 0 || !(winRateTolerance >= 0) || !(sharpeFractionOfBacktest >= 0) || !(maxDrawdown > 0)
                || maxReconciliationMismatches < 0) {
            throw new IllegalArgumentException("recommendation rules out of range: " + minTrades + ", " + winRateTolerance
                    + ", " + sharpeFractionOfBacktest + ", " + maxDrawdown + ", " + maxReconciliationMismatches);
        }
    }

    /**
     * These rules with those a publication sets (publish settings' {@code recommendation_rules}, by snake_case name;
     * model-service checked names and ranges) in their place.
     */
    public RecommendationRules with(Map<String, Double> set) {
        if (set == null || set.isEmpty()) {
            return this;
        }
        return new RecommendationRules(
                set.containsKey("min_trades") ? (int) Math.round(set.get("min_trades")) : minTrades,
                set.getOrDefault("win_rate_tolerance", winRateTolerance),
                set.getOrDefault("sharpe_fraction_of_backtest", sharpeFractionOfBacktest),
                set.getOrDefault("max_drawdown", maxDrawdown),
                set.containsKey("max_reconciliation_mismatches") ? (int) Math.round(set.get("max_reconciliation_mismatches"))
                        : maxReconciliationMismatches);
    }

    /** One rule's verdict, as the gates give theirs. */
    public record Check(Object required, Object actual, boolean pass) {
    }

    /** The recommendation and its checks, in rule order. */
    public record Verdict(String recommendation, Map<String, Check> checks) {
    }

    public static final String APPROVE = "APPROVE_FOR_LIVE_TRADING";
    public static final String REJECT = "REJECT";
    public static final String EXTEND = "EXTEND_PAPER_TRADING";

    /**
     * The verdict on a period's figures: fewer than {@link #minTrades} trades extends the paper period; else any rule
     * that fails rejects; else the model is approved for live trading.
     *
     * @param backtestWinRate  the configuration's backtest win rate, null when unknown (the rule then fails)
     * @param backtestSharpe   the configuration's backtest Sharpe ratio, null when unknown
     * @param mismatches       reconciliation mismatches, null when the reconciliation could not be made (fails)
     */
    public Verdict judge(int trades, Double winRate, double sharpe, double maxDrawdownActual, Double backtestWinRate,
                         Double backtestSharpe, Integer mismatches) {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("min_trades", new Check(minTrades, trades, trades >= minTrades));
        Double winFloor = backtestWinRate == null ? null : round(Math.max(0, backtestWinRate - winRateTolerance));
        checks.put("min_win_rate", new Check(winFloor, winRate == null ? null : round(winRate),
                winFloor != null && winRate != null && winRate >= winFloor - 1e-12));
        double sharpeFloor = backtestSharpe == null || backtestSharpe <= 0 ? 0 : round(backtestSharpe * sharpeFractionOfBacktest);
        checks.put("min_sharpe", new Check(sharpeFloor, round(sharpe), sharpe >= sharpeFloor - 1e-12));
        double dd = Math.abs(maxDrawdownActual);
        checks.put("max_drawdown", new Check(maxDrawdown, round(dd), dd <= maxDrawdown + 1e-12));
        checks.put("max_reconciliation_mismatches", new Check(maxReconciliationMismatches, mismatches,
                mismatches != null && mismatches <= maxReconciliationMismatches));
        String recommendation;
        if (!checks.get("min_trades").pass()) {
            recommendation = EXTEND;
        } else if (checks.values().stream().allMatch(Check::pass)) {
            recommendation = APPROVE;
        } else {
            recommendation = REJECT;
        }
        return new Verdict(recommendation, checks);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
