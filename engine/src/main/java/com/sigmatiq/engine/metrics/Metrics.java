package com.sigmatiq.engine.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The performance metrics of DESIGN §4, over n daily returns (252 sessions a year, risk-free rate 0).
 * Fractions throughout (0.287 = 28.7%). A {@code null} component is a metric DESIGN defines as null: the
 * per-trade metrics without trades (and {@code avgWinner}/{@code avgLoser} without winners/losers),
 * {@code calmarRatio} without drawdown, {@code profitFactor} without losing trades,
 * {@code deflatedSharpeRatio} when sd(r) is 0 or n &lt; 2.
 *
 * @param totalReturn          last equity / initial − 1
 * @param annualizedReturn     (1 + total)^(252/n) − 1
 * @param sharpeRatio          mean(r)/sd(r)·√252, sample sd; 0 when sd is 0 or n &lt; 2
 * @param sortinoRatio         mean(r)/√(mean(min(r,0)²))·√252; 0 when the denominator is 0
 * @param maxDrawdown          min of equity / running peak − 1; negative, −0.118 = 11.8% drawdown; 0 when none
 * @param calmarRatio          annualized / |maxDrawdown|
 * @param winRate              trades with return &gt; 0 / trades
 * @param profitFactor         winners' P&amp;L / |losers' P&amp;L|, in money
 * @param totalTrades          closed trades
 * @param avgTradeDurationDays mean calendar days between entry and exit session dates
 * @param bestTrade            highest trade return
 * @param worstTrade           lowest trade return
 * @param avgWinner            mean return of trades &gt; 0
 * @param avgLoser             mean return of trades &lt; 0 (negative)
 * @param exposure             sessions with a position held at any instant / n
 * @param deflatedSharpeRatio  Bailey &amp; López de Prado's DSR, a probability in [0, 1]
 */
public record Metrics(double totalReturn, double annualizedReturn, double sharpeRatio, double sortinoRatio,
                      double maxDrawdown, Double calmarRatio, Double winRate, Double profitFactor, int totalTrades,
                      Double avgTradeDurationDays, Double bestTrade, Double worstTrade, Double avgWinner,
                      Double avgLoser, double exposure, Double deflatedSharpeRatio) {

    /** The same metrics with another deflated Sharpe ratio (a sweep's, once all its trials are known). */
    public Metrics withDeflatedSharpeRatio(Double dsr) {
        return new Metrics(totalReturn, annualizedReturn, sharpeRatio, sortinoRatio, maxDrawdown, calmarRatio,
                winRate, profitFactor, totalTrades, avgTradeDurationDays, bestTrade, worstTrade, avgWinner, avgLoser,
                exposure, dsr);
    }

    /** The metrics under their JSON names (snake_case), in DESIGN order; null values kept as null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_return", totalReturn);
        m.put("annualized_return", annualizedReturn);
        m.put("sharpe_ratio", sharpeRatio);
        m.put("sortino_ratio", sortinoRatio);
        m.put("max_drawdown", maxDrawdown);
        m.put("calmar_ratio", calmarRatio);
        m.put("win_rate", winRate);
        m.put("profit_factor", profitFactor);
        m.put("total_trades", totalTrades);
        m.put("avg_trade_duration_days", avgTradeDurationDays);
        m.put("best_trade", bestTrade);
        m.put("worst_trade", worstTrade);
        m.put("avg_winner", avgWinner);
        m.put("avg_loser", avgLoser);
        m.put("exposure", exposure);
        m.put("deflated_sharpe_ratio", deflatedSharpeRatio);
        return Collections.unmodifiableMap(m);
    }
}
