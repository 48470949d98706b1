package com.sigmatiq.sim.domain;

import com.sigmatiq.engine.backtest.BacktestRecorder;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Decision;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainedModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The backtest a paper period is reconciled with: the published model (its configuration, the trained model's
 * calibrated probability as the confidence, at most {@code max_alerts_per_day} entries decided per day as the alert
 * runtime allows) in whole shares on the paper account's equity, warmed up on the history before the period and
 * deciding only at the period's closes, the last bar closing a position still open ({@code end_of_data}). It is the
 * engine's streaming evaluator, bar for bar the engine's batch backtest.
 */
public final class ModelBacktest {

    private ModelBacktest() {
    }

    /**
     * @param history bars before the period, in order (only those before {@code period}'s first bar are used)
     * @param period  the period's bars, in order, the last one ending it
     */
    public static BacktestResult run(StrategyConfig config, TrainedModel model, int maxPerDay, ExecutionParams params,
                                     ZoneId zone, Timeframe tf, BarSeries history, List<Bar> period) {
        ConfidenceModel trained = model.confidence(config.pack());
        long[] cap = {Long.MIN_VALUE, 0};
        ConfidenceModel capped = bar -> {
            long day = LocalDate.ofInstant(Instant.ofEpochMilli(bar.time()), zone).toEpochDay();
            double p = trained.confidence(bar);
            return day == cap[0] && cap[1] >= maxPerDay ? 0 : p;
        };
        StrategyEvaluator evaluator = StrategyEvaluator.streaming(SignalEngine.compile(config, model.inputNames()), params,
                capped, zone, tf, !tf.isDaily());
        long first = period.get(0).time();
        for (int i = 0; i < history.size() && history.time()[i] < first; i++) {
            evaluator.warmUp(history.time()[i], history.open()[i], history.high()[i], history.low()[i], history.close()[i],
                    history.volume()[i]);
        }
        BacktestRecorder recorder = new BacktestRecorder(params.initialCapital(), 16);
        for (int i = 0; i < period.size(); i++) {
            Bar b = period.get(i);
            Decision d = i == period.size() - 1
                    ? evaluator.onLastBar(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume())
                    : evaluator.onBar(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
            recorder.record(d);
            if (d.entryDecided()) {
                long day = LocalDate.ofInstant(Instant.ofEpochMilli(b.time()), zone).toEpochDay();
                if (day != cap[0]) {
                    cap[0] = day;
                    cap[1] = 0;
                }
                cap[1]++;
            }
        }
        return recorder.result(evaluator.exposureSessions());
    }
}
