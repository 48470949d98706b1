package com.sigmatiq.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runtimes take turns writing their snapshots, also after a batch of many bars (a burst, or the bars read again after
 * a restart) in which every one of them passed its snapshot point: from then on they do not all write on the same bar,
 * which would hand the writer every runtime's block at once while bars are being taken.
 */
class SnapshotTurnsTest {

    private static final int RUNTIMES = 64;
    private static final int EVERY = 16;

    @Test
    void afterABurstRuntimesKeepTakingTurns() {
        BarSeries b = Spy5m.BARS;
        StrategyConfig config = StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", Map.of("threshold", 0.5));
        Map<String, byte[]> artifacts;
        try (TrainedModel model = MetaLabelTrainer.train(TrainingRequest.of(config, b)
                .withRange(LocalDate.of(2011, 1, 3), LocalDate.of(2011, 1, 14))
                .withSettings(TrainingSettings.defaults().withCalibration(TrainingSettings.Calibration.NONE))
                .withHyperparameters(new Hyperparameters(10, 3, 0.1, 0.8, 0.8, 42, 2))).model()) {
            artifacts = model.artifacts();
        }
        List<Publication> publications = new ArrayList<>();
        for (int i = 0; i < RUNTIMES; i++) {
            publications.add(new Publication("pub_turns_" + i, "user-1", "spy_swing_momentum_v1", "trained-1", "SPY", "5m",
                    "swingsigma", "1.0.0", "momentum_swing", config.toMap(), "turns " + i, 3, false, 50_000,
                    Publication.LIVE, "alerting"));
        }
        Store store = new Store(publications);
        EvaluationWriter writer = new EvaluationWriter(store, Clock.systemUTC(), 400_000, 5_000);
        BarProcessor processor = new BarProcessor(store, new Sources(artifacts), (p, a) -> List.of(), writer,
                new StaticListableBeanFactory().getBeanProvider(DeliveryDispatcher.class),
                JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build(), Clock.systemUTC(),
                EVERY, Duration.ofHours(1), Duration.ofHours(1), 2);
        try {
            int from = b.size() - 200;
            // a burst: 5 × EVERY bars in one batch (every runtime passes its snapshot point in it)
            List<IncomingBar> burst = new ArrayList<>();
            for (int t = from; t < from + 5 * EVERY; t++) {
                burst.add(bar(b, t));
            }
            processor.onBars(burst);
            writer.flush();
            store.snapshotsAt.clear();
            // then 3 × EVERY bars one at a time
            int after = from + 5 * EVERY;
            for (int t = after; t < after + 3 * EVERY; t++) {
                processor.onBars(List.of(bar(b, t)));
            }
            writer.flush();

            Map<Long, Integer> perBar = new TreeMap<>();
            Map<String, Integer> perRuntime = new TreeMap<>();
            store.snapshotsAt.forEach((id, times) -> {
                perRuntime.put(id, times.size());
                times.forEach(t -> perBar.merge(t, 1, Integer::sum));
            });
            // each runtime writes once every EVERY bars ...
            assertThat(perRuntime).hasSize(RUNTIMES).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(3));
            // ... on a bar of its own phase: spread over the bars, not all on one
            assertThat(perBar.size()).as("bars with snapshots").isGreaterThanOrEqualTo(3 * EVERY / 2);
            assertThat(perBar.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(RUNTIMES / 4));
        } finally {
            processor.close();
            writer.close();
        }
    }

    private static IncomingBar bar(BarSeries b, int t) {
        return new IncomingBar("SPY", "5m", null, new Bar(b.time()[t], b.open()[t], b.high()[t], b.low()[t], b.close()[t],
                b.volume()[t]), new IncomingBar.BarPosition("market.bars.5m", 0, t));
    }

    /** The pack from the repository, the trained model given, no stored history (runtimes start cold). */
    private record Sources(Map<String, byte[]> artifacts) implements RuntimeSources {

        @Override
        public Map<String, String> packFiles(String packId, String version) {
            return Spy5m.packFiles();
        }

        @Override
        public Map<String, byte[]> trainedModel(String ownerId, String trainedModelId) {
            return artifacts;
        }

        @Override
        public BarSeries bars(String ticker, Timeframe tf, LocalDate from, LocalDate to) {
            throw new AssertionError("no history here");
        }

        @Override
        public LocalDate firstSession(String ticker, Timeframe tf) {
            return null;
        }
    }

    /** Publications given; keeps which bars each runtime's snapshots were written at. */
    private static final class Store implements RuntimeStore {

        final List<Publication> publications;
        final Map<String, List<Long>> snapshotsAt = new ConcurrentHashMap<>();

        Store(List<Publication> publications) {
            this.publications = publications;
        }

        @Override
        public void saveEvaluations(List<EvaluationRows> evaluations, List<RuntimeSnapshot> snapshots, Instant now) {
            snapshots.forEach(s -> snapshotsAt.computeIfAbsent(s.publicationId(), k -> new ArrayList<>()).add(s.lastBarTime()));
        }

        @Override
        public EvaluationRows evaluationRows() {
            return new EvaluationRows() {
                int n;

                @Override
                public void add(Publication publication, EvaluationLayout.Row row) {
                    n++;
                }

                @Override
                public int count() {
                    return n;
                }
            };
        }

        @Override
        public List<Publication> following(String ticker, String timeframe, String stream) {
            return publications;
        }

        @Override
        public String publicationsVersion() {
            return "1";
        }

        @Override
        public Optional<RuntimeSnapshot> snapshot(String publicationId) {
            return Optional.empty();
        }

        @Override
        public void saveAlerts(List<Made> alerts, List<RuntimeSnapshot> warmedUp, List<Layout> layouts, List<StreamMark> marks,
                               Instant now) {
        }

        @Override
        public Optional<StreamStart> streamStart(String ticker, String timeframe, String feed) {
            return Optional.empty();
        }

        @Override
        public OptionalLong resumeOffset(String topic, int partition) {
            return OptionalLong.empty();
        }

        @Override
        public void upsert(Publication p, Instant now) {
        }

        @Override
        public boolean status(String publicationId, String status, Instant now) {
            return false;
        }

        @Override
        public Optional<Publication> publication(String id) {
            return publications.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }
}
