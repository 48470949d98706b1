package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the commands that run one configuration over a date range: pack, strategy, overrides, range. */
final class ConfigurationOptions {

    @Option(names = "--pack", required = true, paramLabel = "DIR", description = "pack folder, e.g. packs/swingsigma")
    Path pack;

    @Option(names = "--strategy", required = true, description = "strategy id of the pack, e.g. momentum_swing")
    String strategy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "parameter override, e.g. threshold=0.6 or allowed_hours=[9,10,11] (repeatable)")
    List<String> sets;

    @Option(names = "--from", paramLabel = "DATE", description = "first session whose closes decide (yyyy-mm-dd); earlier bars only warm indicators up")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last session whose closes decide (yyyy-mm-dd)")
    LocalDate to;

    private Map<String, Object> overrides;

    /** The {@code --set} overrides, parsed once. */
    Map<String, Object> overrides() {
        if (overrides == null) {
            overrides = Overrides.parse(sets);
        }
        return overrides;
    }

    /** The effective configuration of {@code --strategy} in {@code --pack} under the overrides. */
    StrategyConfig config() {
        return StrategyConfig.resolve(PackLoader.load(pack), strategy, overrides());
    }

    /** Bar index range {@code [from, to)} of the sessions {@code --from..--to} in {@code bars}. */
    int[] range(BarSeries bars) {
        return StrategyBacktest.range(bars, SessionClock.of(bars), from, to);
    }
}
