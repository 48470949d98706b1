package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import com.sigmatiq.ml.TrainingStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigmatiq train}: a meta-labelling model of one configuration (DESIGN §6) through {@link MetaLabelTrainer},
 * the method the training service runs; writes the model's artifacts and {@code result.json} in the service's result
 * shape ({@link TrainingReport}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a meta-labelling model (XGBoost, calibrated) on one strategy configuration's candidate "
                + "entries; writes booster.ubj, feature_schema.json, calibration.json, metadata.json and result.json.")
final class TrainCommand implements Callable<Integer> {

    /** {@code result.json}: the service's result shape, snake_case, indented. */
    static final JsonMapper REPORT_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ConfigurationOptions configuration = new ConfigurationOptions();

    @Option(names = "--test-size", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "share of the samples, newest first, held out for validation, in (0, 0.5] (default: ${DEFAULT-VALUE})")
    double testSize;

    @Option(names = "--calibration", paramLabel = "METHOD", defaultValue = "sigmoid",
            description = "sigmoid (Platt scaling on a purged calibration part) or none (default: ${DEFAULT-VALUE})")
    String calibration;

    @Option(names = "--validation", paramLabel = "METHOD", defaultValue = "time_series_split",
            description = "time_series_split, or purged_kfold to add purged K-fold cross-validation on the training part "
                    + "(default: ${DEFAULT-VALUE})")
    String validation;

    @Option(names = "--candidate-floor", paramLabel = "SCORE", defaultValue = "0.5",
            description = "minimum entry score of a sample, in [0, 1] (default: ${DEFAULT-VALUE})")
    double candidateFloor;

    @Option(names = "--n-estimators", paramLabel = "N", defaultValue = "200", description = "trees (default: ${DEFAULT-VALUE})")
    int nEstimators;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "5", description = "tree depth (default: ${DEFAULT-VALUE})")
    int maxDepth;

    @Option(names = "--learning-rate", paramLabel = "ETA", defaultValue = "0.01", description = "(default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--subsample", paramLabel = "FRACTION", defaultValue = "0.8", description = "(default: ${DEFAULT-VALUE})")
    double subsample;

    @Option(names = "--colsample-bytree", paramLabel = "FRACTION", defaultValue = "0.8", description = "(default: ${DEFAULT-VALUE})")
    double colsampleBytree;

    @Option(names = "--seed", defaultValue = "42", description = "the booster's random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "folder for the model's artifacts and result.json; its name is the trained model's id")
    Path out;

    @Override
    public Integer call() throws IOException {
        TrainingSettings settings = settings();
        Hyperparameters hyperparameters = hyperparameters();
        StrategyConfig config = configuration.config();
        BarSeries bars = data.read();
        TrainingRequest request = new TrainingRequest(config, bars, configuration.from, configuration.to, candidateFloor,
                null, null, settings, hyperparameters);
        PrintWriter err = spec.commandLine().getErr();
        StepLines progress = new StepLines(err, System.console() != null);
        MetaLabelTrainer.Outcome o = MetaLabelTrainer.train(request, progress);
        try (var model = o.model()) {
            model.save(out);
        }
        TrainingReport report = withTrainedModelId(o.report(), trainedModelId(out));
        Files.createDirectories(out);
        REPORT_JSON.writeValue(out.resolve("result.json").toFile(), report);
        err.println(summary(configuration.strategy, report, out));
        err.flush();
        return 0;
    }

    /** The output folder's name (the command line's trained model id). */
    static String trainedModelId(Path out) {
        Path name = out.toAbsolutePath().normalize().getFileName();
        return name == null ? out.toString() : name.toString();
    }

    TrainingSettings settings() {
        return TrainingSettings.defaults()
                .withValidation(choice("--validation", validation, TrainingSettings.ValidationMethod.values(),
                        TrainingSettings.ValidationMethod::label))
                .withCalibration(choice("--calibration", calibration, TrainingSettings.Calibration.values(),
                        TrainingSettings.Calibration::label))
                .withTestSize(testSize);
    }

    Hyperparameters hyperparameters() {
        Hyperparameters h = new Hyperparameters(nEstimators, maxDepth, learningRate, subsample, colsampleBytree, seed,
                Hyperparameters.DEFAULT_NTHREAD);
        List<String> problems = new ArrayList<>();
        for (String[] p : h.problems()) {
            problems.add(p[1]);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return h;
    }

    private static <E extends Enum<E>> E choice(String option, String value, E[] values,
                                                java.util.function.Function<E, String> label) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (label.apply(e).equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + option + " '" + value + "' (one of "
                + String.join(", ", Arrays.stream(values).map(label).toList()) + ")");
    }

    static TrainingReport withTrainedModelId(TrainingReport r, String id) {
        return r.withTrainedModelId(id);
    }

    static String summary(String strategy, TrainingReport r, Path out) {
        TrainingReport.SampleCounts c = r.samples();
        Double auc = r.metrics().validation().aucRoc();
        TrainingReport.DataInfo d = r.data();
        return String.format(Locale.ROOT, "%s %s: %d samples (train %d, purged %d, calibration %d, validation %d, "
                        + "%d unresolved); validation AUC %s; sharpe %s over %s..%s without the model, %s over %s..%s "
                        + "with it -> %s",
                strategy, d.ticker(), c.total(), c.train(), c.purged(), c.calibration(), c.validation(), c.unresolved(),
                number(auc), number(r.sharpeBacktest()), d.rangeStart(), d.rangeEnd(), number(r.sharpeValidation()),
                d.validationStart(), d.rangeEnd(), out);
    }

    private static String number(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * A line per training step in the sweep's progress-bar style ({@code [#####     ] 2/5 model_training 0.71 s});
     * on a terminal the bar also shows the step under way.
     */
    static final class StepLines implements TrainingStep.Listener {
        private static final int WIDTH = 40;
        private final PrintWriter err;
        private final boolean tty;
        private final int total = TrainingStep.values().length;

        StepLines(PrintWriter err, boolean tty) {
            this.err = err;
            this.tty = tty;
        }

        @Override
        public void started(TrainingStep step) {
            if (tty) {
                err.print("\r" + bar(step.ordinal()) + " " + (step.ordinal() + 1) + "/" + total + " " + step.label() + " ...");
                err.flush();
            }
        }

        @Override
        public void finished(TrainingStep step, long nanos) {
            int done = step.ordinal() + 1;
            // on a terminal this overwrites the step's " ..." line, which is shorter
            err.printf(Locale.ROOT, "%s%s %d/%d %s %.2f s%n", tty ? "\r" : "", bar(done), done, total, step.label(),
                    nanos / 1e9);
            err.flush();
        }

        private String bar(int done) {
            int filled = WIDTH * done / total;
            return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
        }
    }
}
