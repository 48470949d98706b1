package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sigmatiq backtest}: one configuration of one strategy over a bar file. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtests one strategy configuration; writes result.json, trades.csv and equity.csv.")
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ConfigurationOptions configuration = new ConfigurationOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for result.json, trades.csv, equity.csv")
    Path out;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> overrides = configuration.overrides();
        StrategyConfig config = configuration.config();
        BarSeries bars = data.read();
        int[] range = configuration.range(bars);
        StrategyBacktest.Report r = StrategyBacktest.run(config, bars, range[0], range[1], Map.of());
        ResultWriter.write(out, r, bars, overrides);
        Metrics m = r.result().metrics();
        System.err.printf("%s %s: %d trades, total return %.4f, sharpe %.3f, max drawdown %.4f, gates %s -> %s%n",
                configuration.strategy, bars.ticker(), m.totalTrades(), m.totalReturn(), m.sharpeRatio(), m.maxDrawdown(),
                r.verdict().pass() ? "PASS" : "FAIL", out);
        return 0;
    }
}
