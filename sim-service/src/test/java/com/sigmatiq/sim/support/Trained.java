package com.sigmatiq.sim.support;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Backtester;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.SignalColumns;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import java.time.LocalDate;
import java.util.Map;

/**
 * A model trained on SPY 5-minute bars of January 2011 (as alert-service's tests train it), and the engine's batch
 * backtest of it over a range of March in whole shares on a paper account's equity: what paper trading must equal.
 */
public final class Trained {

    public static final StrategyConfig CONFIG = StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", Map.of("threshold", 0.5,
            "allowed_hours", "all_day", "position_size_pct", 10, "stop_loss_pct", 0.4, "take_profit_pct", 0.6,
            "time_stop_days", 2));
    public static final Map<String, byte[]> ARTIFACTS = train();
    /** Index of the first bar of March 2011 in {@link Spy5m#BARS}. */
    public static final int MARCH = StrategyBacktest.range(Spy5m.BARS, SessionClock.of(Spy5m.BARS), LocalDate.of(2011, 3, 1), null)[0];

    private Trained() {
    }

    private static Map<String, byte[]> train() {
        TrainingRequest request = TrainingRequest.of(CONFIG, Spy5m.BARS).withRange(LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 31))
                .withSettings(TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE))
                .withHyperparameters(new Hyperparameters(40, 4, 0.1, 0.8, 0.8, 42, 2));
        try (TrainedModel model = MetaLabelTrainer.train(request).model()) {
            return model.artifacts();
        }
    }

    /** The model, to be closed by the caller. */
    public static TrainedModel model() {
        return TrainedModel.load(ARTIFACTS);
    }

    /** Whole shares on {@code equity}, the configuration's costs and sizing. */
    public static ExecutionParams paperParams(double equity) {
        ExecutionParams p = ExecutionParams.of(CONFIG);
        return new ExecutionParams(p.threshold(), p.stopLoss(), p.takeProfit(), p.trailingStop(), p.timeStopDays(),
                p.slippageBps(), p.commissionPerOrder(), p.commissionPerShare(), equity, p.sizing(), true);
    }

    /** The engine's batch backtest over bars {@code [from, to)} of {@code bars}, trained confidence, whole shares on {@code equity}. */
    public static BacktestResult backtest(BarSeries bars, int from, int to, double equity) {
        try (TrainedModel model = model()) {
            SessionClock clock = SessionClock.of(bars);
            SignalEngine engine = SignalEngine.compile(CONFIG, model.inputNames());
            double[][] columns = engine.plan().compute(bars);
            SignalColumns signals = SignalColumns.of(engine.run(bars, columns, clock), bars, columns, clock,
                    model.confidence(CONFIG.pack()));
            return Backtester.run(bars, clock, signals, from, to, paperParams(equity));
        }
    }
}
