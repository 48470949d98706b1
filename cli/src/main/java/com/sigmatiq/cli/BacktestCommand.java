package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.training.FeatureSchema;
import com.sigmatiq.ml.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sigmatiq backtest}: one configuration of one strategy over a bar file; with {@code --trained}, entries also
 * need the trained model's calibrated probability (DESIGN §6).
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtests one strategy configuration, optionally with a trained model's confidence; writes "
                + "result.json, trades.csv and equity.csv.")
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ConfigurationOptions configuration = new ConfigurationOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for result.json, trades.csv, equity.csv")
    Path out;

    @Option(names = "--trained", paramLabel = "DIR",
            description = "a model written by 'sigmatiq train' for the same pack and strategy: entries also need its "
                    + "calibrated probability >= the threshold")
    Path trained;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> overrides = configuration.overrides();
        StrategyConfig config = configuration.config();
        BarSeries bars = data.read();
        int[] range = configuration.range(bars);
        StrategyBacktest.Report r;
        Map<String, Object> trainedJson = null;
        if (trained == null) {
            r = StrategyBacktest.run(config, bars, range[0], range[1], Map.of());
        } else {
            try (TrainedModel model = TrainedModel.load(trained)) {
                trainedJson = checkTrained(model, config);
                r = StrategyBacktest.run(config, bars, range[0], range[1], Map.of(), model.confidence(config.pack()),
                        model.inputNames());
            }
        }
        ResultWriter.write(out, r, bars, overrides, trainedJson);
        Metrics m = r.result().metrics();
        System.err.printf("%s %s%s: %d trades, total return %.4f, sharpe %.3f, max drawdown %.4f, gates %s -> %s%n",
                configuration.strategy, bars.ticker(), trained == null ? "" : " with " + trainedJson.get("trained_model_id"),
                m.totalTrades(), m.totalReturn(), m.sharpeRatio(), m.maxDrawdown(), r.verdict().pass() ? "PASS" : "FAIL", out);
        return 0;
    }

    /**
     * Refuses a model of another pack (id or version) or strategy; notes configuration values that differ from those
     * it was trained with. What {@code result.json} says about the model.
     */
    private Map<String, Object> checkTrained(TrainedModel model, StrategyConfig config) {
        FeatureSchema s = model.schema();
        String packId = config.pack().id();
        String packVersion = config.pack().version();
        if (!s.packId().equals(packId) || !s.packVersion().equals(packVersion) || !s.strategyId().equals(config.strategyId())) {
            throw new IllegalArgumentException("--trained " + trained + " was trained on pack " + s.packId() + " "
                    + s.packVersion() + ", strategy " + s.strategyId() + "; this backtest asks for pack " + packId + " "
                    + packVersion + ", strategy " + config.strategyId());
        }
        List<String> differing = new ArrayList<>();
        Map<String, Object> now = config.toMap();
        for (Map.Entry<String, Object> e : s.configuration().entrySet()) {
            if (!sameValue(e.getValue(), now.get(e.getKey()))) {
                differing.add(e.getKey() + " " + shown(e.getValue()) + " -> " + shown(now.get(e.getKey())));
            }
        }
        if (!differing.isEmpty()) {
            System.err.println("note: the configuration differs from the one the model was trained with: "
                    + String.join(", ", differing));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trained_model_id", TrainCommand.trainedModelId(trained));
        m.put("path", trained.toAbsolutePath().normalize().toString());
        m.put("pack_id", s.packId());
        m.put("pack_version", s.packVersion());
        m.put("strategy_id", s.strategyId());
        m.put("calibration", model.calibration().method().label());
        m.put("features", s.names());
        m.put("configuration_differs", differing);
        return m;
    }

    private static String shown(Object v) {
        return v == null ? "unset" : String.valueOf(v);
    }

    /** Equal configuration values, numbers compared by value (JSON reads 2 back as an integer, 2.0 as a double). */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }
}
