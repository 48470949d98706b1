package com.sigmatiq.sweep.domain;

import com.sigmatiq.engine.gate.GateVerdict;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.metrics.MetricsCalculator;
import com.sigmatiq.engine.sweep.SweepSession;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is stored of one combination: what a leaderboard shows and sorts by, the gate verdict, the moments of its
 * daily returns (so the sweep's deflated Sharpe ratios can be computed again at any time) and, with a holdout, its
 * out-of-sample metrics. Trades and equity curves are recomputed on demand. NaN is kept as null.
 */
public record ComboResult(long comboId, long unit, double totalReturn, double annualizedReturn, double sharpe,
                          Double deflatedSharpe, double sortino, double maxDrawdown, Double calmar, Double winRate,
                          Double profitFactor, int totalTrades, Double avgTradeDurationDays, Double bestTrade,
                          Double worstTrade, Double avgWinner, Double avgLoser, double exposure, boolean gatePass,
                          String failedChecks, int momentsN, double momentsSharpe, Double momentsSkewness,
                          Double momentsKurtosis, Holdout holdout) {

    /** Out-of-sample metrics on the newest part of the date range. */
    public record Holdout(double totalReturn, double sharpe, double maxDrawdown, int totalTrades, Double winRate,
                          boolean gatePass) {

        static Holdout of(SweepSession.ComboOutcome o) {
            Metrics m = o.metrics();
            return new Holdout(m.totalReturn(), m.sharpeRatio(), m.maxDrawdown(), m.totalTrades(), m.winRate(), o.verdict().pass());
        }
    }

    public static ComboResult of(long unit, SweepSession.ComboOutcome o, SweepSession.ComboOutcome holdout) {
        Metrics m = o.metrics();
        MetricsCalculator.ReturnMoments mo = o.moments();
        return new ComboResult(o.comboId(), unit, m.totalReturn(), m.annualizedReturn(), m.sharpeRatio(), null,
                m.sortinoRatio(), m.maxDrawdown(), m.calmarRatio(), m.winRate(), m.profitFactor(), m.totalTrades(),
                m.avgTradeDurationDays(), m.bestTrade(), m.worstTrade(), m.avgWinner(), m.avgLoser(), m.exposure(),
                o.verdict().pass(), failed(o.verdict()), mo.n(), mo.dailySharpe(), nullIfNaN(mo.skewness()),
                nullIfNaN(mo.kurtosis()), holdout == null ? null : Holdout.of(holdout));
    }

    public MetricsCalculator.ReturnMoments moments() {
        return new MetricsCalculator.ReturnMoments(momentsN, momentsSharpe, momentsSkewness == null ? Double.NaN : momentsSkewness,
                momentsKurtosis == null ? Double.NaN : momentsKurtosis);
    }

    private static String failed(GateVerdict v) {
        return v.checks().entrySet().stream().filter(e -> !e.getValue().pass()).map(Map.Entry::getKey)
                .collect(Collectors.joining(","));
    }

    private static Double nullIfNaN(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
