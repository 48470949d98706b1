package com.sigmatiq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigmatiq train} and {@code sigmatiq backtest --trained} on SPY daily 2000–2019 with momentum_swing at
 * threshold 0.6 and 2% positions, the seed's settings otherwise.
 */
class TrainCommandTest {

    static final String SPY = "data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv";
    static final String[] SELECTION = {"--strategy", "momentum_swing", "--set", "threshold=0.6", "--set", "position_size_pct=2"};

    @TempDir
    static Path dir;

    static Path model;
    static String trainErr;
    static Map<String, Object> result;

    @BeforeAll
    static void train() throws IOException {
        model = dir.resolve("spy_momentum");
        StringWriter err = new StringWriter();
        int rc = run(err, args("train", "--from", "2000-01-01", "--to", "2019-12-31", "--out", model.toString()));
        trainErr = err.toString();
        assertThat(rc).as(trainErr).isZero();
        result = json(model.resolve("result.json"));
    }

    @Test
    void writesTheFourArtifactsAndTheServicesResultShape() throws IOException {
        for (String artifact : TrainedModel.ARTIFACTS) {
            assertThat(model.resolve(artifact)).isNotEmptyFile();
        }
        assertThat(result).containsEntry("trained_model_id", "spy_momentum").containsEntry("status", "completed")
                .containsEntry("job_id", null).containsEntry("model_id", null).containsEntry("sweep_id", null)
                .containsKeys("sharpe_backtest", "sharpe_validation");
        Map<String, Object> validation = map(map(result.get("metrics")).get("validation"));
        assertThat(number(validation.get("auc_roc"))).isBetween(0.0, 1.0);
        assertThat(validation).containsKeys("f1_score", "brier_score", "log_loss");
        Map<String, Object> samples = map(result.get("samples"));
        assertThat(number(samples.get("train"))).isPositive()
                .isEqualTo(number(map(map(result.get("metrics")).get("training")).get("samples")));
        assertThat(number(validation.get("samples"))).isEqualTo(number(samples.get("validation")));

        List<Map<String, Object>> curve = list(result.get("calibration_curve"));
        assertThat(curve).hasSize(10);
        assertThat(curve.stream().mapToDouble(b -> number(b.get("count"))).sum()).isEqualTo(number(samples.get("validation")));

        Map<String, Object> schema = json(model.resolve(TrainedModel.FEATURE_SCHEMA));
        List<Map<String, Object>> importance = list(result.get("feature_importance"));
        assertThat(importance).extracting(f -> f.get("feature"))
                .containsExactlyInAnyOrderElementsOf(list(schema.get("names")));
        assertThat(schema).containsEntry("pack_id", "swingsigma").containsEntry("strategy_id", "momentum_swing");

        assertThat(map(result.get("hyperparameters"))).containsEntry("n_estimators", 200).containsEntry("max_depth", 5)
                .containsEntry("seed", 42);
        assertThat(map(result.get("training_params"))).containsEntry("validation_method", "time_series_split")
                .containsEntry("test_size", 0.2).containsEntry("calibration", "sigmoid");
        assertThat(map(result.get("model_artifacts"))).containsEntry("model_file", TrainedModel.BOOSTER);
        assertThat(map(result.get("data"))).containsEntry("ticker", "SPY").containsEntry("range_start", "2000-01-03")
                .containsEntry("range_end", "2019-12-31");
    }

    @Test
    void reportsEachStepAndASummary() {
        List<String> lines = trainErr.lines().toList();
        assertThat(lines).hasSize(6);
        String[] steps = {"data_preparation", "feature_engineering", "model_training", "validation", "calibration"};
        for (int i = 0; i < steps.length; i++) {
            assertThat(lines.get(i)).matches("\\[#+ *\\] " + (i + 1) + "/5 " + steps[i] + " \\d+\\.\\d\\d s");
        }
        assertThat(lines.get(5)).startsWith("momentum_swing SPY: ").contains("validation AUC ", "2000-01-03..2019-12-31",
                "with it -> " + model);
    }

    /** The command line trains through the trainer itself: the same request gives the same bytes and report. */
    @Test
    void theBoosterAndReportAreTheTrainersOwn() throws IOException {
        BarSeries bars = BarCsvReader.read(CliRun.repo(SPY), BarCsvReader.Options.defaults());
        StrategyConfig config = StrategyConfig.resolve(PackLoader.load(CliRun.repo("packs/swingsigma")), "momentum_swing",
                Map.of("threshold", 0.6, "position_size_pct", 2));
        TrainingRequest request = TrainingRequest.of(config, bars).withRange(LocalDate.of(2000, 1, 1), LocalDate.of(2019, 12, 31));
        MetaLabelTrainer.Outcome direct = MetaLabelTrainer.train(request);
        try (TrainedModel m = direct.model()) {
            assertThat(Files.readAllBytes(model.resolve(TrainedModel.BOOSTER))).isEqualTo(m.boosterBytes());
            Map<String, byte[]> artifacts = m.artifacts();
            assertThat(Files.readAllBytes(model.resolve(TrainedModel.FEATURE_SCHEMA))).isEqualTo(artifacts.get(TrainedModel.FEATURE_SCHEMA));
            assertThat(Files.readAllBytes(model.resolve(TrainedModel.CALIBRATION))).isEqualTo(artifacts.get(TrainedModel.CALIBRATION));
        }
        assertThat(Files.readString(model.resolve("result.json"))).isEqualTo(
                TrainCommand.REPORT_JSON.writeValueAsString(TrainCommand.withTrainedModelId(direct.report(), "spy_momentum")));
    }

    @Test
    void backtestWithTheTrainedModelTakesFewerEntriesAndMatchesTheValidationSharpe() throws IOException {
        // a model that lets some entries through: threshold 0.5 and the booster's own probabilities (the seed's
        // calibrated model, whose calibration fell back to the base rate, takes none above 0.6)
        String[] open = {"--set", "threshold=0.5", "--calibration", "none", "--n-estimators", "40", "--max-depth", "4",
                "--learning-rate", "0.1"};
        Path trained = dir.resolve("spy_momentum_open");
        StringWriter trainLog = new StringWriter();
        assertThat(run(trainLog, args("train", concat(new String[] {"--from", "2000-01-01", "--to", "2019-12-31", "--out",
                trained.toString()}, open)))).as(trainLog.toString()).isZero();
        Map<String, Object> trainedResult = json(trained.resolve("result.json"));
        Path plain = dir.resolve("bt_plain");
        Path withModel = dir.resolve("bt_trained");
        assertThat(run(new StringWriter(), args("backtest", "--set", "threshold=0.5", "--from", "2000-01-01", "--to",
                "2019-12-31", "--out", plain.toString()))).isZero();
        StringWriter err = new StringWriter();
        assertThat(run(err, args("backtest", "--set", "threshold=0.5", "--from", "2000-01-01", "--to", "2019-12-31",
                "--trained", trained.toString(), "--out", withModel.toString()))).as(err.toString()).isZero();
        Map<String, Object> a = json(plain.resolve("result.json"));
        Map<String, Object> b = json(withModel.resolve("result.json"));
        assertThat(a).doesNotContainKey("trained_model");
        assertThat(map(b.get("trained_model"))).containsEntry("trained_model_id", "spy_momentum_open")
                .containsEntry("pack_id", "swingsigma").containsEntry("strategy_id", "momentum_swing")
                .containsEntry("configuration_differs", List.of());
        assertThat(list(b.get("trades"))).isNotEmpty().isNotEqualTo(list(a.get("trades")));
        assertThat(number(map(b.get("metrics")).get("total_trades"))).isLessThanOrEqualTo(number(map(a.get("metrics")).get("total_trades")));
        assertThat(number(map(a.get("metrics")).get("sharpe_ratio"))).as("the plain backtest over the range is the report's")
                .isEqualTo(number(trainedResult.get("sharpe_backtest")));

        Map<String, Object> data = map(trainedResult.get("data"));
        Path validation = dir.resolve("bt_validation");
        assertThat(run(new StringWriter(), args("backtest", "--set", "threshold=0.5", "--from",
                (String) data.get("validation_start"), "--to", (String) data.get("range_end"), "--trained",
                trained.toString(), "--out", validation.toString()))).isZero();
        assertThat(number(map(json(validation.resolve("result.json")).get("metrics")).get("sharpe_ratio")))
                .isEqualTo(number(trainedResult.get("sharpe_validation")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void crossValidationWithoutCalibration() throws IOException {
        Path out = dir.resolve("kfold");
        StringWriter err = new StringWriter();
        int rc = run(err, args("train", "--from", "2000-01-01", "--to", "2019-12-31", "--validation", "purged_kfold",
                "--calibration", "none", "--test-size", "0.25", "--n-estimators", "20", "--max-depth", "3",
                "--learning-rate", "0.1", "--seed", "7", "--out", out.toString()));
        assertThat(rc).as(err.toString()).isZero();
        Map<String, Object> r = json(out.resolve("result.json"));
        assertThat(map(r.get("training_params"))).containsEntry("validation_method", "purged_kfold")
                .containsEntry("calibration", "none").containsEntry("test_size", 0.25).containsEntry("folds", 5);
        assertThat(map(r.get("hyperparameters"))).containsEntry("n_estimators", 20).containsEntry("max_depth", 3)
                .containsEntry("learning_rate", 0.1).containsEntry("seed", 7);
        assertThat(list(map(map(r.get("metrics")).get("cross_validation")).get("per_fold"))).hasSize(5);
        assertThat(map(r.get("samples"))).containsEntry("calibration", 0);
        assertThat(json(out.resolve(TrainedModel.CALIBRATION))).containsEntry("method", "none");
    }

    @Test
    void badTrainingValuesAreRefusedInOneLine() {
        refused("test_size must be above 0 and at most 0.5, got 0.6", "--test-size", "0.6");
        refused("test_size must be above 0 and at most 0.5, got 0.0", "--test-size", "0");
        refused("unknown --calibration 'isotonic' (one of sigmoid, none)", "--calibration", "isotonic");
        refused("unknown --validation 'kfold' (one of time_series_split, purged_kfold)", "--validation", "kfold");
        refused("n_estimators is 1 to 5000, got 0", "--n-estimators", "0");
        refused("too few samples to train: found ", "--from", "2019-06-01", "--to", "2019-12-31");
    }

    private static void refused(String message, String... extra) {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("refused");
        List<String> a = new ArrayList<>(List.of(args("train", "--out", out.toString())));
        a.addAll(List.of(extra));
        int rc = run(err, a.toArray(String[]::new));
        assertThat(rc).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains(message).doesNotContain("Exception").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelOfAnotherStrategyOrNoneIsRefused() throws IOException {
        StringWriter err = new StringWriter();
        int rc = run(err, "backtest", "--data", CliRun.repo(SPY).toString(), "--pack", CliRun.repo("packs/swingsigma").toString(),
                "--strategy", "breakout_swing", "--trained", model.toString(), "--out", dir.resolve("x").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("was trained on pack swingsigma 1.0.0, strategy momentum_swing; this backtest asks "
                + "for pack swingsigma 1.0.0, strategy breakout_swing").hasLineCount(1);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        err = new StringWriter();
        rc = run(err, args("backtest", "--trained", empty.toString(), "--out", dir.resolve("y").toString()));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("holds no trained model").hasLineCount(1);
    }

    /** {@code command --data SPY --pack swingsigma <the selection> rest...}. */
    private static String[] args(String command, String... rest) {
        List<String> a = new ArrayList<>(List.of(command, "--data", CliRun.repo(SPY).toString(),
                "--pack", CliRun.repo("packs/swingsigma").toString()));
        a.addAll(List.of(SELECTION));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    private static int run(StringWriter err, String... args) {
        return CliRun.run(err, args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) {
        return ResultWriter.JSON.readValue(file.toFile(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
