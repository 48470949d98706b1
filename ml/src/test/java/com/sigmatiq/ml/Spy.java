package com.sigmatiq.ml;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** The repository's SPY daily bars and swingsigma pack, and the seed's first selection on them. */
final class Spy {

    static final Path ROOT = root();
    static final BarSeries DAILY = BarCsvReader.read(ROOT.resolve("data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv"),
            BarCsvReader.Options.defaults());
    static final Pack PACK = PackLoader.load(ROOT.resolve("packs/swingsigma"));
    static final LocalDate START = LocalDate.of(2000, 1, 1);
    static final LocalDate END = LocalDate.of(2019, 12, 31);

    private Spy() {
    }

    /** momentum_swing with the seed's combo 15 (threshold 0.6, hours 9–11, 2% positions). */
    static StrategyConfig seedConfig() {
        return StrategyConfig.resolve(PACK, "momentum_swing", Map.of("threshold", 0.6,
                "allowed_hours", java.util.List.of(9, 10, 11), "position_size_pct", 2));
    }

    /** The seed's selection with its defaults, over 2000–2019. */
    static TrainingRequest seedRequest() {
        return TrainingRequest.of(seedConfig(), DAILY).withRange(START, END);
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("data/SOURCES.md")) && Files.isDirectory(p.resolve("packs")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
