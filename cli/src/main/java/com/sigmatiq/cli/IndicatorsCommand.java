package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.expr.ValueType;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.ColumnPlan;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sigmatiq indicators}: every indicator output and feature of a pack over a bar file, as CSV. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Writes a timestamp column and one column per indicator output and per feature (empty cells for NaN).")
final class IndicatorsCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--pack", required = true, paramLabel = "DIR", description = "pack folder, e.g. packs/swingsigma")
    Path pack;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "indicator parameter override, e.g. rsi_period=21 (repeatable)")
    List<String> sets;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "where to write the CSV")
    Path out;

    @Override
    public Integer call() throws IOException {
        Pack p = PackLoader.load(pack);
        if (p.strategies().isEmpty()) {
            throw new IllegalArgumentException("pack " + p.id() + " has no strategy");
        }
        StrategyConfig config = StrategyConfig.resolve(p, p.strategyIds().get(0), Overrides.parse(sets));
        BarSeries bars = data.read();
        List<String> names = new ArrayList<>();
        for (IndicatorDef d : p.indicators()) {
            names.addAll(d.outputNames());
        }
        names.addAll(p.featureIds());
        ColumnPlan plan = ColumnPlan.of(p, config.indicatorParams(), names);
        double[][] cols = plan.compute(bars);
        write(bars, plan.symbols(), names, cols);
        System.err.printf("wrote %d bars x %d columns to %s%n", bars.size(), names.size(), out);
        return 0;
    }

    private void write(BarSeries bars, SymbolTable symbols, List<String> names, double[][] cols) throws IOException {
        int[] slots = names.stream().mapToInt(symbols::slot).toArray();
        boolean[] bool = new boolean[slots.length];
        for (int k = 0; k < slots.length; k++) {
            bool[k] = symbols.type(slots[k]) == ValueType.BOOLEAN;
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        boolean daily = bars.timeframe().isDaily();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("timestamp");
            for (String n : names) {
                w.write(',');
                w.write(n);
            }
            w.newLine();
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < bars.size(); i++) {
                line.setLength(0);
                line.append(daily ? LocalDate.ofInstant(Instant.ofEpochMilli(bars.time()[i]), bars.zone()).toString()
                        : Instant.ofEpochMilli(bars.time()[i]).toString());
                for (int k = 0; k < slots.length; k++) {
                    line.append(',');
                    double v = cols[slots[k]][i];
                    if (bool[k]) {
                        line.append(v != 0 ? "true" : "false");
                    } else if (!Double.isNaN(v)) {
                        line.append(v);
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }
}
