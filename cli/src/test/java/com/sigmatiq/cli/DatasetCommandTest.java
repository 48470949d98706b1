package com.sigmatiq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.training.DatasetOptions;
import com.sigmatiq.engine.training.TrainingDataset;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {

    static final String SPY = "data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv";

    @TempDir
    Path dir;

    private static Path repo(String relative) {
        return CliRun.repo(relative);
    }

    private static int run(StringWriter err, String... args) {
        return CliRun.run(err, args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesOneRowPerSampleAndTheSchema() throws IOException {
        Path out = dir.resolve("ds");
        int rc = run(new StringWriter(), "dataset", "--data", repo(SPY).toString(), "--pack", repo("packs/swingsigma").toString(),
                "--strategy", "momentum_swing", "--timeframe", "1d", "--set", "stop_loss_pct=6", "--set", "position_size_pct=2",
                "--from", "2000-01-01", "--to", "2019-12-31", "--test-size", "0.25", "--candidate-floor", "0.75",
                "--out", out.toString());
        assertThat(rc).isZero();

        // the same dataset through the engine's API
        BarSeries bars = BarCsvReader.read(repo(SPY), BarCsvReader.Options.defaults());
        StrategyConfig config = StrategyConfig.resolve(PackLoader.load(repo("packs/swingsigma")), "momentum_swing",
                Map.of("stop_loss_pct", 6, "position_size_pct", 2));
        TrainingDataset d = TrainingDataset.build(config, bars, LocalDate.of(2000, 1, 1), LocalDate.of(2019, 12, 31),
                new DatasetOptions(0.75, 0.25, null, null));

        List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
        assertThat(lines.get(0)).isEqualTo("decision_time,entry_time,exit_time,exit_reason,return,label,split,"
                + "rsi_divergence,macd_cross,trend_strength,bb_squeeze,volume_surge,momentum_composite,"
                + "rsi,macd_line,signal_line,macd_histogram,stochastic,stochastic_d,ema_20,ema_50,adx,plus_di,minus_di,"
                + "bb_upper,bb_middle,bb_lower,atr,obv,volume_ma,entry_score,hour_of_day,day_of_week");
        assertThat(d.size()).isGreaterThan(100);
        assertThat(lines).hasSize(1 + d.size());

        String[] first = lines.get(1).split(",", -1);
        assertThat(first).hasSize(7 + d.featureCount());
        assertThat(first[0]).isEqualTo(Instant.ofEpochMilli(d.decisionTime()[0]).toString()).endsWith("Z");
        assertThat(Instant.parse(first[1])).isEqualTo(Instant.ofEpochMilli(d.entryTime()[0]));
        assertThat(first[3]).isEqualTo(d.exitReason(0).id());
        assertThat(Double.parseDouble(first[4])).isEqualTo(d.netReturn()[0]);
        assertThat(first[5]).isEqualTo(Integer.toString(d.labels()[0]));
        assertThat(first[6]).isEqualTo("train");
        assertThat(Float.parseFloat(first[7 + d.featureCount() - 3])).isEqualTo(d.feature(0, d.featureCount() - 3));

        Map<String, Integer> splits = new HashMap<>();
        int positives = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            splits.merge(f[6], 1, Integer::sum);
            positives += Integer.parseInt(f[5]);
        }

        Map<String, Object> schema = ResultWriter.JSON.readValue(out.resolve("schema.json").toFile(), Map.class);
        assertThat((List<String>) schema.get("feature_names")).containsExactly(d.featureNames());
        assertThat((Map<String, Object>) schema.get("pack")).containsEntry("id", "swingsigma").containsEntry("version", "1.0.0");
        assertThat(schema).containsEntry("strategy", "momentum_swing").containsEntry("candidate_floor", 0.75)
                .containsEntry("test_size", 0.25);
        assertThat((Map<String, Object>) schema.get("config")).containsEntry("stop_loss_pct", 6.0)
                .containsEntry("position_size_pct", 2.0).containsEntry("rsi_period", 14);
        assertThat((Map<String, Object>) schema.get("data")).containsEntry("file", "SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv")
                .containsEntry("timeframe", "1d").containsKey("sha256");
        assertThat((Map<String, Object>) schema.get("range")).containsEntry("start", "2000-01-03").containsEntry("end", "2019-12-31");
        Map<String, Object> counts = (Map<String, Object>) schema.get("counts");
        assertThat(counts).containsEntry("samples", d.size()).containsEntry("unresolved", d.unresolvedCount())
                .containsEntry("train", splits.get("train")).containsEntry("purged", splits.getOrDefault("purged", 0))
                .containsEntry("validation", splits.get("validation")).containsEntry("positives", positives);
        assertThat(splits.get("validation")).isEqualTo((int) Math.ceil(d.size() * 0.25 - 1e-9));
    }

    @Test
    void aTimeframeThatCannotBeBuiltFromTheFileIsRefusedClearly() {
        StringWriter err = new StringWriter();
        int rc = run(err, "dataset", "--data", repo(SPY).toString(), "--pack", repo("packs/swingsigma").toString(),
                "--strategy", "momentum_swing", "--timeframe", "5m", "--out", dir.resolve("x").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("--timeframe 5m cannot be built from the file's 1d bars").doesNotContain("Exception");
    }

    @Test
    void aMinuteFileIsResampledToTheTimeframe() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("m5");
        int rc = run(err, "dataset", "--data", repo("data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv").toString(),
                "--bar-end", "--timeframe", "5m", "--pack", repo("packs/swingsigma").toString(), "--strategy", "momentum_swing",
                "--set", "threshold=0.5", "--out", out.toString());
        assertThat(rc).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("samples.csv"));
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines.subList(1, lines.size())) {
            java.time.Instant decision = java.time.Instant.parse(line.substring(0, line.indexOf(',')));
            assertThat(decision.getEpochSecond() % 300).as(line).isZero();
        }
    }

    @Test
    void aTestSizeOutOfRangeIsRefused() {
        StringWriter err = new StringWriter();
        int rc = run(err, "dataset", "--data", repo(SPY).toString(), "--pack", repo("packs/swingsigma").toString(),
                "--strategy", "momentum_swing", "--test-size", "1", "--out", dir.resolve("x").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("test_size must be in [0, 1)");
    }
}
