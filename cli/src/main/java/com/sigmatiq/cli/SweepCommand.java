package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.engine.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sigmatiq sweep}: a grid of configurations, backtested in parallel and ranked on a leaderboard. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Runs the seed's sweep request shape (parameters, quality_gates, date_range) and writes leaderboard.json.")
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--pack", required = true, paramLabel = "DIR")
    Path pack;

    @Option(names = "--strategy", required = true)
    String strategy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "fixed override under the grid, e.g. rsi_period=21 (repeatable)")
    List<String> sets;

    @Option(names = "--grid", required = true, paramLabel = "GRID.json", description = "sweep request: parameters, optional quality_gates and date_range")
    Path gridFile;

    @Option(names = "--top", defaultValue = "20", description = "leaderboard rows to write (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws IOException {
        Pack p = PackLoader.load(pack);
        StrategyConfig base = StrategyConfig.resolve(p, strategy, Overrides.parse(sets));
        Map<String, Object> request = ResultWriter.JSON.readValue(gridFile.toFile(), LinkedHashMap.class);
        Object params = request.get("parameters");
        if (!(params instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(gridFile + ": 'parameters' must be an object of key -> list of values");
        }
        Map<String, List<?>> grid = new LinkedHashMap<>();
        ((Map<String, Object>) params).forEach((k, v) -> {
            if (!(v instanceof List<?> l)) {
                throw new IllegalArgumentException(gridFile + ": parameters." + k + " must be a list of values");
            }
            grid.put(k, l);
        });
        Map<String, Double> gates = new LinkedHashMap<>();
        if (request.get("quality_gates") instanceof Map<?, ?> q) {
            q.forEach((k, v) -> gates.put(String.valueOf(k), v == null ? null : ((Number) v).doubleValue()));
        }
        LocalDate start = null;
        LocalDate end = null;
        if (request.get("date_range") instanceof Map<?, ?> dr) {
            start = dr.get("start") == null ? null : LocalDate.parse(String.valueOf(dr.get("start")));
            end = dr.get("end") == null ? null : LocalDate.parse(String.valueOf(dr.get("end")));
        }
        SweepGrid sweepGrid = SweepGrid.of(base, grid);
        BarSeries bars = data.read();
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), start, end);
        if (bars.timeframe().isDaily() && grid.containsKey("allowed_hours")) {
            System.err.println("note: daily bars: allowed_hours does not apply; combinations that differ only in hours are identical");
        }
        ProgressBar bar = new ProgressBar(sweepGrid.size());
        long t0 = System.nanoTime();
        SweepRunner.Outcome o = SweepRunner.run(new SweepRunner.Request(sweepGrid, bars, range[0], range[1], gates),
                new SweepRunner.Options(top, 0, bar::update, null));
        bar.finish();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.createDirectories(out);
        ResultWriter.JSON.writeValue(out.resolve("leaderboard.json").toFile(), leaderboard(o, sweepGrid, top));
        System.err.printf("%d combinations x %d bars in %.2f s; %d passed the gates -> %s%n", o.total(), bars.size(),
                seconds, o.passed(), out.resolve("leaderboard.json"));
        return 0;
    }

    static Map<String, Object> leaderboard(SweepRunner.Outcome o, SweepGrid grid, int top) {
        List<SweepRunner.ComboResult> ranked = new ArrayList<>();
        for (SweepRunner.ComboResult r : o.results()) {
            if (r != null) {
                ranked.add(r);
            }
        }
        ranked.sort(Comparator.comparingDouble((SweepRunner.ComboResult r) -> -r.metrics().sharpeRatio())
                .thenComparingLong(SweepRunner.ComboResult::comboId));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy_id", grid.base().strategyId());
        m.put("total_combinations", o.total());
        m.put("passed_gates", o.passed());
        m.put("failed_gates", o.done() - o.passed());
        m.put("cancelled", o.cancelled());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(top, ranked.size()); i++) {
            SweepRunner.ComboResult r = ranked.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", i + 1);
            row.put("combo_id", r.comboId());
            row.put("config", grid.values(r.comboId()));
            row.put("config_hash", SweepGrid.configHash(grid.config(r.comboId())));
            row.put("sharpe", r.metrics().sharpeRatio());
            row.put("deflated_sharpe", r.metrics().deflatedSharpeRatio());
            row.put("return", r.metrics().totalReturn());
            row.put("trades", r.metrics().totalTrades());
            row.put("gate", r.verdict().pass() ? "PASS" : "FAIL");
            row.put("selection_checkbox", false);
            rows.add(row);
        }
        m.put("leaderboard", rows);
        return m;
    }

    /** A one-line progress bar on a terminal; silent when output is redirected. */
    static final class ProgressBar {
        private final long total;
        private final boolean tty = System.console() != null;
        private long last;

        ProgressBar(long total) {
            this.total = total;
        }

        synchronized void update(long done, long all) {
            if (!tty || (done - last) * 200 < total && done < total) {
                return;
            }
            last = done;
            int width = 40;
            int filled = (int) (width * done / Math.max(1, total));
            System.err.printf("\r[%s%s] %d/%d", "#".repeat(filled), " ".repeat(width - filled), done, total);
        }

        void finish() {
            if (tty) {
                System.err.println();
            }
        }
    }
}
