package com.sigmatiq.ml;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.training.DatasetOptions;
import com.sigmatiq.engine.training.Split;
import com.sigmatiq.engine.training.TrainingDataset;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN §6's method in one place: the engine's dataset (samples, labels, event spans, features), a purged
 * time-ordered split with a calibration part, an XGBoost booster with a fixed seed, Platt scaling on its margin,
 * metrics, feature importance and the validation backtest. The training service, the command line and the benchmark
 * all train through {@link #train}.
 *
 * <p>The parts, newest last: the dataset's {@code validation} samples (the newest ⌈test_size × n⌉); before them its
 * {@code train} samples (those whose trade ends before validation begins), of which the newest
 * ⌈calibration share × m⌉ fit the calibration and the rest, less those whose trade is still open when the
 * calibration part begins (purged again), fit the booster.
 */
public final class MetaLabelTrainer {

    /** Least samples of each class among those that fit the booster. */
    public static final int MIN_PER_CLASS = 10;

    /** XGBoost's iteration range (0, 0): every tree. */
    private static final int[] ALL_TREES = {0, 0};

    private static final JsonMapper METADATA_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A trained model and its report. Close the model when done with it. */
    public record Outcome(TrainedModel model, TrainingReport report, TrainingDataset dataset) {
    }

    /**
     * The rows of each part.
     *
     * @param fit         fit the booster
     * @param calibration fit the calibration (empty without)
     * @param validation  the newest samples
     * @param purged      left out of every part
     */
    public record Plan(TrainingDataset dataset, int[] fit, int[] calibration, int[] validation, int purged) {

        public TrainingReport.SampleCounts counts() {
            return new TrainingReport.SampleCounts(dataset.size(), fit.length, purged, calibration.length,
                    validation.length, dataset.unresolvedCount(), positives(fit), positives(calibration),
                    positives(validation));
        }

        private int positives(int[] rows) {
            int p = 0;
            for (int r : rows) {
                p += dataset.labels()[r];
            }
            return p;
        }
    }

    private MetaLabelTrainer() {
    }

    /** The labelled samples of {@code r} (DESIGN §6 "Samples", "Label", "Features"). */
    public static TrainingDataset dataset(TrainingRequest r) {
        DatasetOptions options = new DatasetOptions(r.candidateFloor(), r.settings().testSize(), r.selectedIndicators(),
                r.selectedFeatures());
        return TrainingDataset.build(r.config(), r.bars(), r.start(), r.end(), options);
    }

    /**
     * Cuts {@code d} into its parts and checks that each can do its job.
     *
     * @throws InsufficientSamplesException when the booster's part has fewer than {@value #MIN_PER_CLASS} samples of
     *                                      a class, or the calibration or validation part lacks a class; the
     *                                      message counts every part's samples of each class
     */
    public static Plan plan(TrainingDataset d, TrainingSettings s) {
        int[] train = d.rows(Split.TRAIN);
        int[] validation = d.rows(Split.VALIDATION);
        int purged = d.count(Split.PURGED);
        int[] fit = train;
        int[] calibration = new int[0];
        if (s.calibration() == TrainingSettings.Calibration.SIGMOID && train.length > 0) {
            int cal = (int) Math.ceil(s.calibrationShare() * train.length);
            int first = train.length - cal;
            calibration = Arrays.copyOfRange(train, first, train.length);
            int boundary = d.decisionBar()[calibration[0]];
            int[] kept = new int[first];
            int m = 0;
            for (int i = 0; i < first; i++) {
                if (d.exitBar()[train[i]] >= boundary) {
                    purged++;
                } else {
                    kept[m++] = train[i];
                }
            }
            fit = Arrays.copyOf(kept, m);
        }
        Plan plan = new Plan(d, fit, calibration, validation, purged);
        TrainingReport.SampleCounts c = plan.counts();
        int fitNeg = c.train() - c.trainPositives();
        boolean calibrated = s.calibration() == TrainingSettings.Calibration.SIGMOID;
        boolean enough = c.trainPositives() >= MIN_PER_CLASS && fitNeg >= MIN_PER_CLASS
                && c.validationPositives() >= 1 && c.validation() - c.validationPositives() >= 1
                && (!calibrated || (c.calibrationPositives() >= 1 && c.calibration() - c.calibrationPositives() >= 1));
        if (!enough) {
            throw new InsufficientSamplesException("too few samples to train: found " + d.size() + " ("
                    + d.positives() + " of class 1, " + (d.size() - d.positives()) + " of class 0; "
                    + d.unresolvedCount() + " candidates unresolved); train has " + classes(c.train(), c.trainPositives())
                    + (calibrated ? ", calibration " + classes(c.calibration(), c.calibrationPositives()) : "")
                    + ", validation " + classes(c.validation(), c.validationPositives()) + ", " + c.purged()
                    + " purged. Training needs at least " + MIN_PER_CLASS + " of each class in train and one of each"
                    + (calibrated ? " in calibration and" : " in") + " validation: widen the date range, lower"
                    + " candidate_floor or choose a configuration with more entries");
        }
        return plan;
    }

    private static String classes(int n, int positives) {
        return n + " (" + positives + " of class 1, " + (n - positives) + " of class 0)";
    }

    /** Trains without reporting progress. */
    public static Outcome train(TrainingRequest r) {
        return train(r, TrainingStep.Listener.NONE);
    }

    /**
     * Trains a model for {@code r}: the five steps of seed 5.2, reported to {@code listener}.
     *
     * @throws InsufficientSamplesException when the samples do not allow it ({@link #plan})
     */
    public static Outcome train(TrainingRequest r, TrainingStep.Listener listener) {
        Steps steps = new Steps(listener);
        TrainingSettings s = r.settings();
        Hyperparameters h = r.hyperparameters();

        steps.start(TrainingStep.DATA_PREPARATION);
        TrainingDataset d = dataset(r);
        Plan plan = plan(d, s);
        steps.end();

        steps.start(TrainingStep.FEATURE_ENGINEERING);
        Samples samples = new Samples(d.features(), d.featureCount(), d.labels(), d.featureNames());
        steps.end();

        Scored scored = fitAndScore(plan, samples, s, h, steps);
        try {
            TrainedModel model = new TrainedModel(scored.booster(), d.schema(), scored.calibration(), null);
            SessionClock clock = SessionClock.of(r.bars());
            LocalDate validationStart = clock.sessionDate(clock.session(d.decisionBar()[plan.validation()[0]]));
            LocalDate rangeEnd = clock.sessionDate(clock.session(d.to() - 1));
            LocalDate rangeStart = clock.sessionDate(clock.session(d.from()));
            Double sharpeValidation = backtestSharpe(r, model, validationStart, rangeEnd);
            Double sharpeBacktest = backtestSharpe(r, null, rangeStart, rangeEnd);
            TrainingReport report = new TrainingReport(null, null, null, null, null, "completed", scored.metrics(),
                    importance(scored.booster(), samples.names()), new TrainingReport.ModelArtifacts(TrainedModel.BOOSTER,
                    TrainedModel.FEATURE_SCHEMA, TrainedModel.CALIBRATION, TrainedModel.METADATA),
                    sharpeBacktest, sharpeValidation, plan.counts(), scored.curve(), h,
                    params(r, s), dataInfo(r.bars(), clock, rangeStart, rangeEnd, validationStart),
                    tradeStats(d, plan.fit()));
            model = model.withMetadata(metadata(report, d));
            steps.end();
            return new Outcome(model, report, d);
        } catch (RuntimeException e) {
            scored.booster().dispose();
            throw e;
        }
    }

    /**
     * The samples a booster learns from: a row-major matrix of {@code width} columns, one 0/1 label per row, and the
     * columns' names. The dataset's own, or (in tests) the same with labels permuted or a column added.
     */
    public record Samples(float[] matrix, int width, int[] labels, String[] names) {

        float[] rows(int[] rows) {
            float[] out = new float[Math.multiplyExact(rows.length, width)];
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(matrix, rows[k] * width, out, k * width, width);
            }
            return out;
        }

        int[] labels(int[] rows) {
            int[] out = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                out[k] = labels[rows[k]];
            }
            return out;
        }

        float[] floatLabels(int[] rows) {
            float[] out = new float[rows.length];
            for (int k = 0; k < rows.length; k++) {
                out[k] = labels[rows[k]];
            }
            return out;
        }
    }

    /**
     * What fitting gave: the booster (the caller disposes of it), the calibration, metrics on the booster's own and
     * on the validation samples, and the validation samples' calibration curve.
     */
    public record Scored(Booster booster, PlattCalibration calibration, TrainingReport.Metrics metrics,
                         List<CalibrationBin> curve) {
    }

    /**
     * Steps model_training to calibration of {@link #train} on {@code samples} cut by {@code plan}: the booster on
     * the fit rows, margins, purged K-fold when asked for, Platt scaling on the calibration rows, metrics.
     */
    public static Scored fitAndScore(Plan plan, Samples samples, TrainingSettings s, Hyperparameters h) {
        return fitAndScore(plan, samples, s, h, new Steps(TrainingStep.Listener.NONE));
    }

    private static Scored fitAndScore(Plan plan, Samples samples, TrainingSettings s, Hyperparameters h, Steps steps) {
        steps.start(TrainingStep.MODEL_TRAINING);
        float[] xFit = samples.rows(plan.fit());
        Booster booster = fit(xFit, samples.floatLabels(plan.fit()), plan.fit().length, samples.names(), h);
        steps.end();
        try {
            steps.start(TrainingStep.VALIDATION);
            double[] mFit = margins(booster, xFit, plan.fit().length, samples.width());
            double[] mCal = margins(booster, samples.rows(plan.calibration()), plan.calibration().length, samples.width());
            double[] mVal = margins(booster, samples.rows(plan.validation()), plan.validation().length, samples.width());
            TrainingReport.CrossValidation cv = s.validation() == TrainingSettings.ValidationMethod.PURGED_KFOLD
                    ? crossValidate(plan.dataset(), samples, plan.dataset().rows(Split.TRAIN), s, h) : null;
            steps.end();

            steps.start(TrainingStep.CALIBRATION);
            PlattCalibration calibration = s.calibration() == TrainingSettings.Calibration.SIGMOID
                    ? PlattCalibration.fit(mCal, samples.labels(plan.calibration())) : PlattCalibration.none();
            double[] pVal = probabilities(calibration, mVal);
            int[] yVal = samples.labels(plan.validation());
            TrainingReport.Metrics metrics = new TrainingReport.Metrics(
                    ClassificationMetrics.of(probabilities(calibration, mFit), samples.labels(plan.fit())),
                    ClassificationMetrics.of(pVal, yVal), cv);
            return new Scored(booster, calibration, metrics, CalibrationBin.curve(pVal, yVal));
        } catch (RuntimeException e) {
            booster.dispose();
            throw e;
        }
    }

    /** Booster margins (uncalibrated log-odds) of row-major feature vectors; the one place XGBoost predicts. */
    static double[] margins(Booster booster, float[] x, int rows, int width) {
        if (rows == 0) {
            return new double[0];
        }
        try {
            float[][] m = booster.inplace_predict(x, rows, width, Float.NaN, ALL_TREES, Booster.PredictionType.kMargin, null);
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = m[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost cannot predict: " + e.getMessage(), e);
        }
    }

    /**
     * The training step alone: a booster of {@code h} on {@code rows} row-major samples with their labels (what
     * the benchmark compares with raw xgboost4j).
     */
    public static Booster fit(float[] x, float[] y, int rows, String[] names, Hyperparameters h) {
        DMatrix m = null;
        try {
            m = new DMatrix(x, rows, names.length, Float.NaN);
            m.setLabel(y);
            m.setFeatureNames(names);
            return XGBoost.train(m, h.boosterParams(), h.nEstimators(), new HashMap<>(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    private static TrainingReport.CrossValidation crossValidate(TrainingDataset d, Samples samples, int[] rows,
                                                                TrainingSettings s, Hyperparameters h) {
        List<TrainingReport.FoldMetrics> folds = new ArrayList<>();
        for (PurgedKFold.Fold f : PurgedKFold.split(rows, d.decisionBar(), d.exitBar(), s.folds(), s.embargoShare())) {
            Booster b = fit(samples.rows(f.train()), samples.floatLabels(f.train()), f.train().length, samples.names(), h);
            try {
                double[] p = probabilities(PlattCalibration.none(), margins(b, samples.rows(f.test()), f.test().length,
                        samples.width()));
                folds.add(new TrainingReport.FoldMetrics(f.index(), f.train().length, f.test().length, f.purged(),
                        f.embargoed(), ClassificationMetrics.of(p, samples.labels(f.test()))));
            } finally {
                b.dispose();
            }
        }
        return new TrainingReport.CrossValidation(s.folds(), s.embargoShare(), folds, mean(folds));
    }

    private static ClassificationMetrics mean(List<TrainingReport.FoldMetrics> folds) {
        double acc = 0;
        double prec = 0;
        double rec = 0;
        double f1 = 0;
        double auc = 0;
        int aucs = 0;
        double brier = 0;
        double ll = 0;
        int samples = 0;
        int positives = 0;
        for (TrainingReport.FoldMetrics f : folds) {
            ClassificationMetrics m = f.metrics();
            acc += m.accuracy();
            prec += m.precision();
            rec += m.recall();
            f1 += m.f1Score();
            if (m.aucRoc() != null) {
                auc += m.aucRoc();
                aucs++;
            }
            brier += m.brierScore();
            ll += m.logLoss();
            samples += m.samples();
            positives += m.positives();
        }
        int k = folds.size();
        return new ClassificationMetrics(acc / k, prec / k, rec / k, f1 / k, aucs == 0 ? null : auc / aucs, brier / k,
                ll / k, samples, positives);
    }

    /** Sharpe of the configuration's backtest over sessions {@code from..to}, with {@code model}'s confidence. */
    static Double backtestSharpe(TrainingRequest r, TrainedModel model, LocalDate from, LocalDate to) {
        BarSeries bars = r.bars();
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), from, to);
        StrategyBacktest.Report report = model == null
                ? StrategyBacktest.run(r.config(), bars, range[0], range[1], null)
                : StrategyBacktest.run(r.config(), bars, range[0], range[1], null, model.confidence(r.config().pack()),
                        model.inputNames());
        double sharpe = report.result().metrics().sharpeRatio();
        return Double.isFinite(sharpe) ? sharpe : null;
    }

    private static List<TrainingReport.FeatureImportance> importance(Booster booster, String[] names) {
        Map<String, Double> gain;
        try {
            gain = booster.getScore(names, "gain");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost cannot score features: " + e.getMessage(), e);
        }
        double total = 0;
        for (String n : names) {
            total += gain.getOrDefault(n, 0.0);
        }
        List<TrainingReport.FeatureImportance> out = new ArrayList<>(names.length);
        for (String n : names) {
            double g = gain.getOrDefault(n, 0.0);
            out.add(new TrainingReport.FeatureImportance(n, total > 0 ? g / total : 0));
        }
        out.sort(Comparator.comparingDouble(TrainingReport.FeatureImportance::importance).reversed());
        return out;
    }

    /** The trade statistics of {@code rows}' labelled trades. */
    static TrainingReport.TradeStats tradeStats(TrainingDataset d, int[] rows) {
        double winners = 0;
        double losers = 0;
        double all = 0;
        double days = 0;
        int wins = 0;
        ZoneId zone = BarSeries.NEW_YORK;
        for (int r : rows) {
            double ret = d.netReturn()[r];
            all += ret;
            if (ret > 0) {
                winners += ret;
                wins++;
            } else {
                losers += ret;
            }
            days += ChronoUnit.DAYS.between(Instant.ofEpochMilli(d.entryTime()[r]).atZone(zone).toLocalDate(),
                    Instant.ofEpochMilli(d.exitTime()[r]).atZone(zone).toLocalDate());
        }
        int n = rows.length;
        return new TrainingReport.TradeStats(n, n == 0 ? 0 : (double) wins / n, wins == 0 ? 0 : winners / wins,
                n == wins ? 0 : losers / (n - wins), n == 0 ? 0 : all / n, n == 0 ? 0 : days / n);
    }

    private static TrainingReport.TrainingParams params(TrainingRequest r, TrainingSettings s) {
        boolean kfold = s.validation() == TrainingSettings.ValidationMethod.PURGED_KFOLD;
        return new TrainingReport.TrainingParams("xgboost", s.validation().label(), s.testSize(), s.calibration().label(),
                s.calibrationShare(), kfold ? s.folds() : null, kfold ? s.embargoShare() : null, r.candidateFloor());
    }

    private static TrainingReport.DataInfo dataInfo(BarSeries bars, SessionClock clock, LocalDate start, LocalDate end,
                                                    LocalDate validationStart) {
        return new TrainingReport.DataInfo(bars.ticker(), bars.timeframe().label(), clock.sessionDate(0).toString(),
                clock.sessionDate(clock.sessionCount() - 1).toString(), start.toString(), end.toString(),
                validationStart.toString(), bars.size(), BarsHash.of(bars));
    }

    private static byte[] metadata(TrainingReport report, TrainingDataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("pack_id", d.schema().packId());
        m.put("pack_version", d.schema().packVersion());
        m.put("strategy_id", d.schema().strategyId());
        m.put("data", report.data());
        m.put("hyperparameters", report.hyperparameters());
        m.put("training_params", report.trainingParams());
        m.put("samples", report.samples());
        m.put("metrics", report.metrics());
        m.put("sharpe_validation", report.sharpeValidation());
        m.put("trade_stats", report.tradeStats());
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("xgboost4j", xgboostVersion());
        libraries.put("sigmatiq", String.valueOf(MetaLabelTrainer.class.getPackage().getImplementationVersion()));
        libraries.put("java", System.getProperty("java.version"));
        m.put("libraries", libraries);
        return METADATA_JSON.writeValueAsBytes(m);
    }

    /** The xgboost4j version its jar declares. */
    public static String xgboostVersion() {
        try (InputStream in = XGBoost.class.getClassLoader().getResourceAsStream("xgboost4j-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double[] probabilities(PlattCalibration c, double[] margins) {
        double[] p = new double[margins.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = c.probability(margins[i]);
        }
        return p;
    }

    /** Times the steps for the listener. */
    private static final class Steps {
        private final TrainingStep.Listener listener;
        private TrainingStep current;
        private long t0;

        Steps(TrainingStep.Listener listener) {
            this.listener = listener;
        }

        void start(TrainingStep s) {
            current = s;
            t0 = System.nanoTime();
            listener.started(s);
        }

        void end() {
            listener.finished(current, System.nanoTime() - t0);
        }
    }
}
