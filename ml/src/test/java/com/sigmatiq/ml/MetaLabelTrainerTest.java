package com.sigmatiq.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sigmatiq.engine.backtest.Decision;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.training.Split;
import com.sigmatiq.engine.training.TrainingDataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's first selection trained on SPY daily 2000–2019 with the seed's settings. */
class MetaLabelTrainerTest {

    static MetaLabelTrainer.Outcome outcome;
    static List<String> steps = new ArrayList<>();

    @BeforeAll
    static void train() {
        outcome = MetaLabelTrainer.train(Spy.seedRequest(), new TrainingStep.Listener() {
            @Override
            public void started(TrainingStep step) {
                steps.add("start " + step.label());
            }

            @Override
            public void finished(TrainingStep step, long nanos) {
                steps.add("end " + step.label());
            }
        });
    }

    @AfterAll
    static void close() {
        outcome.model().close();
    }

    @Test
    void runsTheSeedsFiveStepsInOrder() {
        List<String> expected = new ArrayList<>();
        for (TrainingStep s : TrainingStep.values()) {
            expected.add("start " + s.label());
            expected.add("end " + s.label());
        }
        assertThat(steps).containsExactlyElementsOf(expected);
    }

    @Test
    void reportsEveryPartAndMetric() {
        TrainingReport r = outcome.report();
        TrainingReport.SampleCounts c = r.samples();
        TrainingDataset d = outcome.dataset();
        assertThat(c.total()).isEqualTo(d.size());
        assertThat(c.train() + c.purged() + c.calibration() + c.validation()).isEqualTo(d.size());
        assertThat(c.validation()).isEqualTo((int) Math.ceil(0.2 * d.size()));
        assertThat(c.calibration()).isEqualTo((int) Math.ceil(0.2 * d.count(Split.TRAIN)));
        assertThat(r.metrics().validation().samples()).isEqualTo(c.validation());
        assertThat(r.metrics().training().samples()).isEqualTo(c.train());
        assertThat(r.metrics().validation().aucRoc()).isBetween(0.0, 1.0);
        assertThat(r.featureImportance()).extracting(TrainingReport.FeatureImportance::feature)
                .containsExactlyInAnyOrderElementsOf(d.schema().names());
        assertThat(r.featureImportance().stream().mapToDouble(TrainingReport.FeatureImportance::importance).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.calibrationCurve()).hasSize(10);
        assertThat(r.calibrationCurve().stream().mapToInt(CalibrationBin::count).sum()).isEqualTo(c.validation());
        assertThat(r.sharpeValidation()).isNotNull();
        TrainingReport.TradeStats t = r.tradeStats();
        assertThat(t.trades()).isEqualTo(c.train());
        assertThat(t.winRate()).isEqualTo((double) c.trainPositives() / c.train());
        assertThat(t.avgWinner()).isPositive();
        assertThat(t.avgLoser()).isNotPositive();
        assertThat(t.avgReturn()).isCloseTo(t.winRate() * t.avgWinner() + (1 - t.winRate()) * t.avgLoser(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(t.avgDurationDays()).isBetween(1.0, 30.0);
        assertThat(r.data().contentHash()).isEqualTo(BarsHash.of(Spy.DAILY)).startsWith("sha256:");
        assertThat(r.data().validationStart()).isEqualTo(LocalDate.ofEpochDay(
                SessionClock.of(Spy.DAILY).sessionEpochDay(SessionClock.of(Spy.DAILY).session(
                        d.decisionBar()[d.rows(Split.VALIDATION)[0]]))).toString());
    }

    @Test
    void noTrainingSpanReachesIntoTheNextPart() {
        TrainingDataset d = outcome.dataset();
        MetaLabelTrainer.Plan plan = MetaLabelTrainer.plan(d, TrainingSettings.defaults());
        int firstValidation = d.decisionBar()[plan.validation()[0]];
        int firstCalibration = d.decisionBar()[plan.calibration()[0]];
        for (int r : plan.fit()) {
            assertThat(d.exitBar()[r]).as("fit sample %d", r).isLessThan(firstCalibration);
        }
        for (int r : plan.calibration()) {
            assertThat(d.exitBar()[r]).as("calibration sample %d", r).isLessThan(firstValidation);
        }
        assertThat(plan.purged()).as("swing trades overlap, so the purge removes some").isPositive();
    }

    @Test
    void sameDataAndSettingsGiveAByteIdenticalBooster() {
        try (TrainedModel again = MetaLabelTrainer.train(Spy.seedRequest()).model()) {
            assertThat(again.boosterBytes()).isEqualTo(outcome.model().boosterBytes());
            assertThat(again.artifacts().get(TrainedModel.METADATA)).isEqualTo(outcome.model().artifacts().get(TrainedModel.METADATA));
        }
        Hyperparameters other = new Hyperparameters(200, 5, 0.01, 0.8, 0.8, 43, 2);
        try (TrainedModel reseeded = MetaLabelTrainer.train(Spy.seedRequest().withHyperparameters(other)).model()) {
            assertThat(reseeded.boosterBytes()).as("the seed matters").isNotEqualTo(outcome.model().boosterBytes());
        }
    }

    @Test
    void savedArtifactsPredictTheSame(@TempDir Path dir) {
        TrainedModel model = outcome.model();
        model.save(dir);
        TrainingDataset d = outcome.dataset();
        try (TrainedModel loaded = TrainedModel.load(dir)) {
            assertThat(loaded.schema().names()).isEqualTo(model.schema().names());
            assertThat(loaded.artifacts()).usingRecursiveComparison().isEqualTo(model.artifacts());
            assertThat(loaded.calibration()).isEqualTo(model.calibration());
            assertThat(loaded.probabilities(d.features(), d.size())).isEqualTo(model.probabilities(d.features(), d.size()));
        }
        // one row at a time gives the batch's answers
        double[] batch = model.probabilities(d.features(), d.size());
        for (int i = 0; i < d.size(); i += 37) {
            assertThat(model.probability(Arrays.copyOfRange(d.features(), i * d.featureCount(), (i + 1) * d.featureCount())))
                    .isEqualTo(batch[i]);
        }
    }

    /**
     * The prediction component inside the streaming evaluator sees, at every sample's bar, exactly the dataset's
     * feature row; and the streaming evaluator trades as the batch backtest with the same confidence.
     */
    @Test
    void streamingEvaluatorAsksWithTheDatasetsRowsAndTradesAsTheBacktest() {
        // a model that lets entries through (threshold 0.5, the booster's own probabilities), so there are trades
        StrategyConfig config = Spy.seedConfig().with("threshold", 0.5);
        TrainingRequest request = TrainingRequest.of(config, Spy.DAILY).withRange(Spy.START, Spy.END)
                .withSettings(TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE))
                .withHyperparameters(new Hyperparameters(40, 4, 0.1, 0.8, 0.8, 42, 2));
        MetaLabelTrainer.Outcome trained = MetaLabelTrainer.train(request);
        TrainedModel model = trained.model();
        BarSeries bars = Spy.DAILY;
        TrainingDataset d = trained.dataset();
        Map<Long, Integer> sampleAt = new HashMap<>();
        for (int i = 0; i < d.size(); i++) {
            sampleAt.put(d.decisionTime()[i], i);
        }
        int[] slots = model.inputNames().stream().mapToInt(n -> config.pack().symbols().slot(n)).toArray();
        float[] row = new float[d.featureCount()];
        ConfidenceModel inner = model.confidence(config.pack());
        int[] checked = {0};
        ConfidenceModel capturing = bar -> {
            Integer sample = sampleAt.get(bar.time());
            if (sample != null) {
                TrainedModel.vector(bar, slots, row);
                assertThat(row).as("sample %d", sample)
                        .isEqualTo(Arrays.copyOfRange(d.features(), sample * row.length, (sample + 1) * row.length));
                checked[0]++;
            }
            return inner.confidence(bar);
        };
        LocalDate from = LocalDate.parse(trained.report().data().validationStart());
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), from, Spy.END);
        SignalEngine engine = SignalEngine.compile(config, model.inputNames());
        StrategyEvaluator ev = StrategyEvaluator.streaming(engine, ExecutionParams.of(config), capturing,
                BarSeries.NEW_YORK, bars.timeframe(), false);
        List<Trade> streamed = new ArrayList<>();
        for (int t = 0; t < range[1]; t++) {
            if (t < range[0]) {
                ev.warmUp(bars.time()[t], bars.open()[t], bars.high()[t], bars.low()[t], bars.close()[t], bars.volume()[t]);
                continue;
            }
            Decision dec = t == range[1] - 1
                    ? ev.onLastBar(bars.time()[t], bars.open()[t], bars.high()[t], bars.low()[t], bars.close()[t], bars.volume()[t])
                    : ev.onBar(bars.time()[t], bars.open()[t], bars.high()[t], bars.low()[t], bars.close()[t], bars.volume()[t]);
            if (dec.trade() != null) {
                streamed.add(dec.trade());
            }
        }
        List<Trade> batch = StrategyBacktest.run(config, bars, range[0], range[1], null, model.confidence(config.pack()),
                model.inputNames()).result().trades();
        assertThat(checked[0]).as("the evaluator asked at sample bars").isGreaterThan(10);
        assertThat(streamed).isEqualTo(batch).isNotEmpty();
        double sharpe = StrategyBacktest.run(config, bars, range[0], range[1], null, model.confidence(config.pack()),
                model.inputNames()).result().metrics().sharpeRatio();
        assertThat(trained.report().sharpeValidation()).isEqualTo(sharpe);
        model.close();
    }

    @Test
    void purgedKFoldReportsEveryFoldAndTheirMean() {
        TrainingSettings s = TrainingSettings.defaults().withValidation(TrainingSettings.ValidationMethod.PURGED_KFOLD);
        Hyperparameters small = new Hyperparameters(30, 3, 0.1, 0.8, 0.8, 42, 2);
        try (AutoCloseableOutcome o = closeable(MetaLabelTrainer.train(Spy.seedRequest().withSettings(s)
                .withHyperparameters(small)))) {
            TrainingReport.CrossValidation cv = o.report().metrics().crossValidation();
            assertThat(cv.folds()).isEqualTo(5);
            assertThat(cv.perFold()).hasSize(5);
            assertThat(cv.perFold().stream().mapToInt(TrainingReport.FoldMetrics::testSamples).sum())
                    .isEqualTo(o.dataset().count(Split.TRAIN));
            assertThat(cv.perFold().get(0).purged() + cv.perFold().get(0).embargoed()).isPositive();
            double meanAccuracy = cv.perFold().stream().mapToDouble(f -> f.metrics().accuracy()).average().orElseThrow();
            assertThat(cv.mean().accuracy()).isCloseTo(meanAccuracy, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(o.report().trainingParams().validationMethod()).isEqualTo("purged_kfold");
        }
    }

    @Test
    void tooFewSamplesSayHowManyOfEachWereFound() {
        TrainingRequest narrow = Spy.seedRequest().withRange(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 12, 31));
        assertThatThrownBy(() -> MetaLabelTrainer.train(narrow))
                .isInstanceOf(InsufficientSamplesException.class)
                .hasMessageContaining("too few samples to train: found")
                .hasMessageContaining("of class 1")
                .hasMessageContaining("of class 0")
                .hasMessageContaining("at least " + MetaLabelTrainer.MIN_PER_CLASS);
    }

    private static AutoCloseableOutcome closeable(MetaLabelTrainer.Outcome o) {
        return new AutoCloseableOutcome(o);
    }

    /** An outcome whose model closes with try-with-resources. */
    private record AutoCloseableOutcome(MetaLabelTrainer.Outcome o) implements AutoCloseable {
        TrainingReport report() {
            return o.report();
        }

        TrainingDataset dataset() {
            return o.dataset();
        }

        @Override
        public void close() {
            o.model().close();
        }
    }
}
