package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.training.DatasetOptions;
import com.sigmatiq.engine.training.Split;
import com.sigmatiq.engine.training.TrainingDataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sigmatiq dataset}: the meta-labelling dataset of one configuration (DESIGN §6) — every feature of the pack
 * and every indicator output, in the engine's feature-schema order — as {@code samples.csv} and {@code schema.json}.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Writes the training samples of one strategy configuration (samples.csv, one row per candidate "
                + "entry with its trade, label, split and features) and their feature schema (schema.json).")
final class DatasetCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ConfigurationOptions configuration = new ConfigurationOptions();

    @Option(names = "--test-size", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "share of the samples, newest first, kept for validation, in [0, 1) (default: ${DEFAULT-VALUE})")
    double testSize;

    @Option(names = "--candidate-floor", paramLabel = "SCORE", defaultValue = "0.5",
            description = "minimum entry score of a sample, in [0, 1] (default: ${DEFAULT-VALUE})")
    double candidateFloor;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for samples.csv and schema.json")
    Path out;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> overrides = configuration.overrides();
        StrategyConfig config = configuration.config();
        DatasetOptions options = new DatasetOptions(candidateFloor, testSize, null, null);
        BarSeries bars = data.read();
        int[] range = configuration.range(bars);
        TrainingDataset d = TrainingDataset.build(config, bars, range[0], range[1], options);
        Files.createDirectories(out);
        writeSamples(out.resolve("samples.csv"), d);
        ResultWriter.JSON.writeValue(out.resolve("schema.json").toFile(), schemaJson(d, config, bars, overrides));
        System.err.printf("%s %s: %d samples (%d unresolved), train %d, purged %d, validation %d, positives %d -> %s%n",
                configuration.strategy, bars.ticker(), d.size(), d.unresolvedCount(), d.count(Split.TRAIN), d.count(Split.PURGED),
                d.count(Split.VALIDATION), d.positives(), out);
        return 0;
    }

    /** One row per sample: times (ISO-8601 UTC bar starts), exit reason, net return, label, split, then the features (empty for NaN). */
    static void writeSamples(Path file, TrainingDataset d) throws IOException {
        int width = d.featureCount();
        float[] x = d.features();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("decision_time,entry_time,exit_time,exit_reason,return,label,split");
            for (String name : d.featureNames()) {
                w.write(',');
                w.write(name);
            }
            w.newLine();
            StringBuilder line = new StringBuilder(512);
            for (int i = 0; i < d.size(); i++) {
                line.setLength(0);
                line.append(Instant.ofEpochMilli(d.decisionTime()[i])).append(',')
                        .append(Instant.ofEpochMilli(d.entryTime()[i])).append(',')
                        .append(Instant.ofEpochMilli(d.exitTime()[i])).append(',')
                        .append(d.exitReason(i).id()).append(',')
                        .append(d.netReturn()[i]).append(',')
                        .append(d.labels()[i]).append(',')
                        .append(d.split(i).id());
                int base = i * width;
                for (int j = 0; j < width; j++) {
                    line.append(',');
                    float v = x[base + j];
                    if (!Float.isNaN(v)) {
                        line.append(v);
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }

    /** The feature schema and what the samples came from: pack, strategy, configuration, data, range, counts. */
    Map<String, Object> schemaJson(TrainingDataset d, StrategyConfig config, BarSeries bars, Map<String, Object> requested)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature_names", d.schema().names());
        Map<String, Object> packJson = new LinkedHashMap<>();
        packJson.put("id", d.schema().packId());
        packJson.put("version", d.schema().packVersion());
        packJson.put("content_hash", config.pack().contentHash());
        m.put("pack", packJson);
        m.put("strategy", d.schema().strategyId());
        m.put("config", d.schema().configuration());
        m.put("requested_overrides", requested);
        Map<String, Object> dataJson = new LinkedHashMap<>();
        dataJson.put("file", data.data.getFileName().toString());
        dataJson.put("sha256", sha256(data.data));
        dataJson.put("ticker", bars.ticker());
        dataJson.put("timeframe", bars.timeframe().label());
        dataJson.put("bars", bars.size());
        m.put("data", dataJson);
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("start", ResultWriter.date(bars.time()[d.from()], bars.zone()).toString());
        range.put("end", ResultWriter.date(bars.time()[d.to() - 1], bars.zone()).toString());
        m.put("range", range);
        m.put("candidate_floor", d.options().candidateFloor());
        m.put("test_size", d.options().testSize());
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("positive_when", "net_return > 0");
        label.put("size_fraction", d.labelFraction());
        label.put("amount", d.labelFraction() * config.initialCapital());
        m.put("label", label);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("samples", d.size());
        counts.put("unresolved", d.unresolvedCount());
        counts.put("train", d.count(Split.TRAIN));
        counts.put("purged", d.count(Split.PURGED));
        counts.put("validation", d.count(Split.VALIDATION));
        counts.put("positives", d.positives());
        m.put("counts", counts);
        return m;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
