package com.sigmatiq.training.domain;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackValidationException;
import com.sigmatiq.engine.strategy.ConfigException;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.InsufficientSamplesException;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainingReport;
import com.sigmatiq.ml.TrainingRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The API's use cases: start jobs for a selection, read jobs and results, review and download trained models. */
@Service
public class TrainingService {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);
    static final List<String> ALGORITHMS = List.of("xgboost");
    static final List<String> VALIDATION_METHODS = List.of("time_series_split", "purged_kfold");
    static final List<String> CALIBRATIONS = List.of("sigmoid", "none");

    private final ModelSource models;
    private final SweepSource sweeps;
    private final BarSource bars;
    private final JobRepository repository;
    private final JobPublisher publisher;
    private final TrainingProperties properties;
    private final JobCodec codec;
    private final Clock clock;

    public TrainingService(ModelSource models, SweepSource sweeps, BarSource bars, JobRepository repository,
                           JobPublisher publisher, TrainingProperties properties, JobCodec codec, Clock clock) {
        this.models = models;
        this.sweeps = sweeps;
        this.bars = bars;
        this.repository = repository;
        this.publisher = publisher;
        this.properties = properties;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Validates a selection against its model and sweep, checks that every configuration has enough samples of each
     * class, stores one job per configuration with the data they train on, and hands the jobs to the workers.
     */
    public List<Job> create(String ownerId, String token, TrainingCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(cmd.modelId())) {
            errors.add(FieldError.of("model_id", "model_id is required"));
        }
        List<SelectedConfig> selected = cmd.selected() == null ? List.of() : cmd.selected();
        if (selected.isEmpty()) {
            errors.add(FieldError.of("selected_configs", "select at least one configuration"));
        } else if (selected.size() > properties.maxSelected()) {
            errors.add(FieldError.of("selected_configs", "at most " + properties.maxSelected()
                    + " configurations per request, got " + selected.size()));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < selected.size(); i++) {
            SelectedConfig s = selected.get(i);
            String f = "selected_configs[" + i + "]";
            if (s == null || s.comboId() == null) {
                errors.add(FieldError.of(f + ".combo_id", "combo_id is required"));
            } else if (s.comboId() < 1) {
                errors.add(FieldError.of(f + ".combo_id", "combo_id counts from 1, got " + s.comboId()));
            } else if (!seen.add(s.comboId())) {
                errors.add(FieldError.of(f + ".combo_id", "combination " + s.comboId() + " is selected twice"));
            }
        }
        String algorithm = cmd.algorithm() == null ? "xgboost" : cmd.algorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            errors.add(new FieldError("training_params.algorithm", "unknown algorithm '" + algorithm + "'", ALGORITHMS));
        }
        String validation = cmd.validationMethod() == null ? "time_series_split" : cmd.validationMethod();
        if (!VALIDATION_METHODS.contains(validation)) {
            errors.add(new FieldError("training_params.validation_method", "unknown validation_method '" + validation + "'",
                    VALIDATION_METHODS));
        }
        double testSize = cmd.testSize() == null ? 0.2 : cmd.testSize();
        if (!(testSize > 0 && testSize <= 0.5)) {
            errors.add(FieldError.of("training_params.test_size", "test_size must be above 0 and at most 0.5, got " + testSize));
        }
        String calibration = cmd.calibration() == null ? "sigmoid" : cmd.calibration();
        if (!CALIBRATIONS.contains(calibration)) {
            errors.add(new FieldError("training_params.calibration", "unknown calibration '" + calibration + "'", CALIBRATIONS));
        }
        double floor = cmd.candidateFloor() == null ? TrainingRequest.DEFAULT_CANDIDATE_FLOOR : cmd.candidateFloor();
        if (!(floor >= 0 && floor <= 1)) {
            errors.add(FieldError.of("candidate_floor", "candidate_floor must be in [0, 1], got " + floor));
        }
        Hyperparameters h = hyperparameters(cmd.hyperparameters());
        for (String[] p : h.problems()) {
            errors.add(FieldError.of("hyperparameters." + p[0], p[1]));
        }
        if (!errors.isEmpty()) {
            throw new TrainingValidationException(errors);
        }

        ModelSource.ModelInfo model = models.model(cmd.modelId(), token).orElseThrow(() -> new TrainingValidationException(
                FieldError.of("model_id", "you have no model '" + cmd.modelId() + "'")));
        SweepSource.SweepInfo sweep = sweep(cmd, model, token);
        List<SweepSource.ComboInfo> combos = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            SelectedConfig s = selected.get(i);
            String f = "selected_configs[" + i + "]";
            Optional<SweepSource.ComboInfo> combo = sweeps.combo(sweep.id(), s.comboId(), token);
            if (combo.isEmpty()) {
                errors.add(FieldError.of(f + ".combo_id", "sweep " + sweep.id() + " has no combination " + s.comboId()
                        + " (it has 1 to " + sweep.totalCombinations() + ")"));
                continue;
            }
            combos.add(combo.get());
            if (s.config() != null) {
                for (Map.Entry<String, Object> e : s.config().entrySet()) {
                    Object swept = combo.get().config().containsKey(e.getKey()) ? combo.get().config().get(e.getKey())
                            : combo.get().effectiveConfig().get(e.getKey());
                    if (!sameValue(e.getValue(), swept)) {
                        errors.add(FieldError.of(f + ".config." + e.getKey(), "combination " + s.comboId() + " of sweep "
                                + sweep.id() + " has " + e.getKey() + " = " + swept + ", not " + e.getValue()));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new TrainingValidationException(errors);
        }

        Timeframe tf = Timeframe.parse(model.timeframe());
        Map<String, String> packFiles = models.packFiles(model.packId(), model.packVersion(), token);
        Pack pack;
        try {
            pack = JobCodec.pack(packFiles);
        } catch (PackValidationException e) {
            throw new UpstreamUnavailableException("pack " + model.packId() + " " + model.packVersion() + " does not load", e);
        }
        BarSource.Coverage coverage = bars.coverage(model.ticker(), tf, token).orElseThrow(() -> new TrainingValidationException(
                FieldError.of("model_id", "there are no " + tf.label() + " bars of " + model.ticker() + " (the model's ticker)")));
        byte[] csv = bars.csv(model.ticker(), tf, coverage.first(), coverage.last(), token);
        BarSeries series = JobCodec.bars(csv, model.ticker(), tf);
        JobSpec spec = new JobSpec(model.packId(), model.packVersion(), model.strategyId(), model.ticker(), tf.label(),
                sweep.start(), sweep.end(), model.selectedIndicators(), model.selectedFeatures(), validation, testSize,
                calibration, floor, h);

        // every configuration must have enough samples of each class, said now rather than by a failed job
        List<NewJob> jobs = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            SweepSource.ComboInfo combo = combos.get(i);
            String f = "selected_configs[" + i + "]";
            StrategyConfig config;
            try {
                config = JobCodec.config(pack, model.strategyId(), combo.effectiveConfig());
            } catch (ConfigException e) {
                throw new UpstreamUnavailableException("sweep " + sweep.id() + " gave combination " + combo.comboId()
                        + " a configuration the pack refuses: " + e.getMessage(), e);
            }
            try {
                TrainingRequest request = JobCodec.request(spec, config, series);
                MetaLabelTrainer.plan(MetaLabelTrainer.dataset(request), request.settings());
            } catch (InsufficientSamplesException e) {
                errors.add(FieldError.of(f, "combination " + combo.comboId() + ": " + e.getMessage()));
                continue;
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(f, "combination " + combo.comboId() + " cannot be trained: " + e.getMessage()));
                continue;
            }
            SelectedConfig s = selected.get(i);
            jobs.add(new NewJob(UUID.randomUUID(), ownerId, model.id(), sweep.id(), combo.comboId(), s.rank(),
                    s.config() == null ? combo.config() : s.config(), combo.effectiveConfig(), spec, combo.sharpe()));
        }
        if (!errors.isEmpty()) {
            throw new TrainingValidationException(errors);
        }
        Instant now = clock.instant();
        List<Job> created = repository.create(UUID.randomUUID(), ownerId, new JobInputs(packFiles, csv), jobs, now);
        for (Job j : created) {
            try {
                publisher.publish(j.id());
            } catch (RuntimeException e) {
                // stored: the watch sends it again
                log.warn("job {} stored but not yet sent to the workers: {}", j.id(), e.getMessage());
            }
        }
        log.info("{} training job(s) for model {} from sweep {}: {}", created.size(), model.id(), sweep.id(),
                created.stream().map(Job::trainedModelId).toList());
        return created;
    }

    private SweepSource.SweepInfo sweep(TrainingCommand cmd, ModelSource.ModelInfo model, String token) {
        if (cmd.sweepId() == null) {
            return sweeps.latestCompleted(model.id(), token).orElseThrow(() -> new TrainingValidationException(
                    FieldError.of("sweep_id", "model " + model.id() + " has no completed sweep; run one first or name sweep_id")));
        }
        SweepSource.SweepInfo s = sweeps.sweep(cmd.sweepId(), token).orElseThrow(() -> new TrainingValidationException(
                FieldError.of("sweep_id", "you have no sweep '" + cmd.sweepId() + "'")));
        if (!model.id().equals(s.modelId())) {
            throw new TrainingValidationException(FieldError.of("sweep_id", "sweep " + s.id() + " is of model "
                    + s.modelId() + ", not " + model.id()));
        }
        if (!"completed".equals(s.status())) {
            throw new TrainingValidationException(FieldError.of("sweep_id", "sweep " + s.id() + " is " + s.status()
                    + "; only a completed sweep can be trained on"));
        }
        return s;
    }

    public Job job(String ownerId, UUID id) {
        return repository.find(id, ownerId).orElseThrow(() -> new TrainingNotFoundException("you have no training job " + id));
    }

    /** The result of a completed job. */
    public TrainingReport result(String ownerId, UUID id) {
        Job j = job(ownerId, id);
        String report = repository.result(j.id()).orElseThrow(() -> new TrainingNotFoundException("training job " + id
                + " has no result: it is " + j.status().label()
                + (j.status() == JobStatus.FAILED ? " (" + j.error() + ")" : "")));
        return codec.report(report);
    }

    public List<TrainedModelSummary> trainedModels(String ownerId, String modelId) {
        return repository.trainedModels(ownerId, modelId);
    }

    /** A trained model and its artifacts. */
    public TrainedModelDetail trainedModel(String ownerId, String trainedModelId) {
        Job j = completedJob(ownerId, trainedModelId);
        TrainedModelSummary summary = repository.trainedModels(ownerId, j.modelId()).stream()
                .filter(s -> s.id().equals(trainedModelId)).findFirst().orElseThrow();
        return new TrainedModelDetail(summary, j.config(), j.effectiveConfig(), j.spec(), repository.artifacts(j.id()));
    }

    public byte[] artifact(String ownerId, String trainedModelId, String name) {
        Job j = completedJob(ownerId, trainedModelId);
        return repository.artifact(j.id(), name).orElseThrow(() -> new TrainingNotFoundException("trained model "
                + trainedModelId + " has no artifact '" + name + "'; it has "
                + repository.artifacts(j.id()).stream().map(Artifact::name).toList()));
    }

    private Job completedJob(String ownerId, String trainedModelId) {
        Job j = repository.findByTrainedModel(ownerId, trainedModelId)
                .orElseThrow(() -> new TrainingNotFoundException("you have no trained model '" + trainedModelId + "'"));
        if (j.status() != JobStatus.COMPLETED) {
            throw new TrainingNotFoundException("trained model '" + trainedModelId + "' is not trained yet: its job is "
                    + j.status().label());
        }
        return j;
    }

    /** A trained model with what it was trained on and its artifacts. */
    public record TrainedModelDetail(TrainedModelSummary summary, Map<String, Object> config,
                                     Map<String, Object> effectiveConfig, JobSpec spec, List<Artifact> artifacts) {
    }

    static Hyperparameters hyperparameters(TrainingCommand.HyperparameterChoice c) {
        Hyperparameters d = Hyperparameters.defaults();
        if (c == null) {
            return d;
        }
        return new Hyperparameters(c.nEstimators() == null ? d.nEstimators() : c.nEstimators(),
                c.maxDepth() == null ? d.maxDepth() : c.maxDepth(),
                c.learningRate() == null ? d.learningRate() : c.learningRate(),
                c.subsample() == null ? d.subsample() : c.subsample(),
                c.colsampleBytree() == null ? d.colsampleBytree() : c.colsampleBytree(), d.seed(), d.nthread());
    }

    /** Numbers compare by value (0.60 = 0.6, 2 = 2.0), lists element by element, anything else by its text. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
