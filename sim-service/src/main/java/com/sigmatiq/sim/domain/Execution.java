package com.sigmatiq.sim.domain;

import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.Sizing;
import com.sigmatiq.engine.strategy.StrategyConfig;

/**
 * A paper account's execution settings, resolved once from the published configuration and stored with the account:
 * the engine's {@link ExecutionParams} minus the capital (the account's starting equity) and always in whole shares.
 * Fractions (0.06 = 6%); a fixed {@code positionSize} fraction, or Kelly sizing between {@code kellyMin} and
 * {@code kellyMax} when it is null.
 */
public record Execution(double threshold, double stopLoss, double takeProfit, double trailingStop, int timeStopDays,
                        double slippageBps, double commissionPerOrder, double commissionPerShare, Double positionSize,
                        double kellyMin, double kellyMax) {

    /** The settings of {@code config}. */
    public static Execution of(StrategyConfig config) {
        ExecutionParams p = ExecutionParams.of(config);
        Double fixed = p.sizing() instanceof Sizing.FixedFraction f ? f.fraction() : null;
        double min = p.sizing() instanceof Sizing.Kelly k ? k.minFraction() : 0;
        double max = p.sizing() instanceof Sizing.Kelly k ? k.maxFraction() : 0;
        return new Execution(p.threshold(), p.stopLoss(), p.takeProfit(), p.trailingStop(), p.timeStopDays(),
                p.slippageBps(), p.commissionPerOrder(), p.commissionPerShare(), fixed, min, max);
    }

    /** The engine's parameters: whole shares on {@code equity}, as paper orders are sized (DESIGN §4 "Sizing"). */
    public ExecutionParams params(double equity) {
        Sizing sizing = positionSize != null ? new Sizing.FixedFraction(positionSize) : new Sizing.Kelly(kellyMin, kellyMax);
        return new ExecutionParams(threshold, stopLoss, takeProfit, trailingStop, timeStopDays, slippageBps,
                commissionPerOrder, commissionPerShare, equity, sizing, true);
    }
}
