package com.sigmatiq.training.domain;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a job stores into what the trainer takes, the same way at request time (to check the samples) and in
 * the worker: the pack from its files, the bars from market-data-service's CSV, the configuration from the sweep's
 * effective configuration; and the job's JSON columns to and from records (with the application's snake_case mapper).
 */
@Component
public class JobCodec {

    private final JsonMapper json;

    public JobCodec(JsonMapper json) {
        this.json = json;
    }

    public static Pack pack(Map<String, String> files) {
        return PackLoader.load(files);
    }

    /** market-data-service's CSV (ISO bar-start times in UTC). */
    public static BarSeries bars(byte[] csv, String ticker, Timeframe tf) {
        try {
            return BarCsvReader.read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                    "bars of " + ticker + " " + tf.label(), new BarCsvReader.Options(ticker, BarSeries.NEW_YORK,
                            ZoneOffset.UTC, false, tf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration of a sweep's effective configuration ({@code StrategyConfig.toMap()} of the combination). */
    public static StrategyConfig config(Pack pack, String strategyId, Map<String, Object> effective) {
        Map<String, Object> overrides = new LinkedHashMap<>(effective);
        overrides.remove("strategy_id");
        return StrategyConfig.resolve(pack, strategyId, overrides);
    }

    /** The trainer's request of a job. */
    public static TrainingRequest request(JobSpec spec, StrategyConfig config, BarSeries bars) {
        TrainingSettings settings = TrainingSettings.defaults()
                .withValidation(TrainingSettings.ValidationMethod.valueOf(spec.validationMethod().toUpperCase(Locale.ROOT)))
                .withCalibration(TrainingSettings.Calibration.valueOf(spec.calibration().toUpperCase(Locale.ROOT)))
                .withTestSize(spec.testSize());
        return new TrainingRequest(config, bars, spec.rangeStart(), spec.rangeEnd(), spec.candidateFloor(),
                spec.selectedIndicators(), spec.selectedFeatures(), settings, spec.hyperparameters());
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }

    public JobSpec spec(String text) {
        return json.readValue(text, JobSpec.class);
    }

    public List<StepProgress> progress(String text) {
        return json.readValue(text, new TypeReference<List<StepProgress>>() { });
    }

    public Map<String, Object> map(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public Map<String, String> stringMap(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    public TrainingReport report(String text) {
        return json.readValue(text, TrainingReport.class);
    }
}
