package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.metrics.Metrics;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

    @Option(names = "--pack", required = true, paramLabel = "DIR", description = "pack folder, e.g. packs/swingsigma")
    Path pack;

    @Option(names = "--strategy", required = true, description = "strategy id of the pack, e.g. momentum_swing")
    String strategy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "parameter override, e.g. threshold=0.6 or allowed_hours=[9,10,11] (repeatable)")
    List<String> sets;

    @Option(names = "--from", paramLabel = "DATE", description = "first session of the range (yyyy-mm-dd); earlier bars only warm indicators up")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last session of the range (yyyy-mm-dd)")
    LocalDate to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for result.json, trades.csv, equity.csv")
    Path out;

    @Override
    public Integer call() throws IOException {
        Pack p = PackLoader.load(pack);
        Map<String, Object> overrides = Overrides.parse(sets);
        StrategyConfig config = StrategyConfig.resolve(p, strategy, overrides);
        BarSeries bars = data.read();
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), from, to);
        StrategyBacktest.Report r = StrategyBacktest.run(config, bars, range[0], range[1], Map.of());
        ResultWriter.write(out, r, bars, overrides);
        Metrics m = r.result().metrics();
        System.err.printf("%s %s: %d trades, total return %.4f, sharpe %.3f, max drawdown %.4f, gates %s -> %s%n",
                strategy, bars.ticker(), m.totalTrades(), m.totalReturn(), m.sharpeRatio(), m.maxDrawdown(),
                r.verdict().pass() ? "PASS" : "FAIL", out);
        return 0;
    }
}
