package com.sigmatiq.alert.domain;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes each closed bar to every active published model that follows its ticker, timeframe and feed: the model's
 * runtime (built on first use: from its stored snapshot after a restart, else warmed up on the stored history before
 * the bar) evaluates it, and every evaluation, alert, delivery row and new snapshot of the bar is stored in one
 * transaction. If storing fails, the runtimes that took the bar are dropped (they are rebuilt from their last stored
 * snapshot) and the failure is thrown, so the bar comes again and is taken once.
 */
@Component
public class BarProcessor {

    private static final Logger log = LoggerFactory.getLogger(BarProcessor.class);

    private final RuntimeStore store;
    private final RuntimeSources sources;
    private final DeliveryPlanner planner;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, ModelRuntime> runtimes = new ConcurrentHashMap<>();
    // immutable inputs shared by runtimes: a pack version, a trained model
    private final Map<String, Pack> packs = new ConcurrentHashMap<>();
    private final Map<String, Loaded> models = new ConcurrentHashMap<>();
    // the last history read, reused by the runtimes built for the same bar (many models on one ticker)
    private volatile History lastHistory;

    private record Loaded(TrainedModel model, TrainingReport.TradeStats stats) {
    }

    private record History(String key, BarSeries bars) {
    }

    public BarProcessor(RuntimeStore store, RuntimeSources sources, DeliveryPlanner planner, JsonMapper json, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.planner = planner;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param stream {@code null} or {@code live} for the live feed, else the replay id
     * @return the models that took the bar (those that had seen it already do not count)
     */
    public int onBar(String ticker, String timeframe, String stream, Bar bar) {
        List<Publication> following = store.following(ticker, timeframe, stream);
        if (following.isEmpty()) {
            return 0;
        }
        List<RuntimeStore.Saved> saved = new ArrayList<>(following.size());
        for (Publication p : following) {
            ModelRuntime runtime = runtime(p, bar.time());
            ModelRuntime.Step step = runtime.onBar(bar);
            if (step == null) {
                continue;
            }
            List<Delivery> deliveries = new ArrayList<>();
            for (Alert a : step.alerts()) {
                deliveries.addAll(planner.plan(p, a));
            }
            saved.add(new RuntimeStore.Saved(p, step, deliveries, runtime.saveState()));
        }
        if (saved.isEmpty()) {
            return 0;
        }
        try {
            store.save(saved, clock.instant());
        } catch (RuntimeException e) {
            saved.forEach(s -> runtimes.remove(s.publication().id()));
            throw e;
        }
        return saved.size();
    }

    /** Forgets a publication's runtime (paused, retired, or replaced). */
    public void drop(String publicationId) {
        runtimes.remove(publicationId);
    }

    /** The runtime of {@code p}, built when it has none: restored from its snapshot, or warmed up before {@code barTime}. */
    ModelRuntime runtime(Publication p, long barTime) {
        ModelRuntime r = runtimes.get(p.id());
        if (r != null) {
            return r;
        }
        Timeframe tf = Timeframe.parse(p.timeframe());
        Pack pack = packs.computeIfAbsent(p.packId() + "@" + p.packVersion(),
                k -> PackLoader.load(sources.packFiles(p.packId(), p.packVersion())));
        Map<String, Object> overrides = new LinkedHashMap<>(p.effectiveConfig());
        overrides.remove("strategy_id");
        StrategyConfig config = StrategyConfig.resolve(pack, p.strategyId(), overrides);
        Loaded loaded = models.computeIfAbsent(p.ownerId() + "/" + p.trainedModelId(), k -> {
            Map<String, byte[]> artifacts = sources.trainedModel(p.ownerId(), p.trainedModelId());
            return new Loaded(TrainedModel.load(artifacts), tradeStats(artifacts.get(TrainedModel.METADATA)));
        });
        r = new ModelRuntime(p, config, loaded.model(), loaded.stats(), !tf.isDaily());
        byte[] state = store.runtimeState(p.id()).orElse(null);
        if (state != null) {
            r.restoreState(state);
            log.info("{}: runtime restored at {}", p.id(), Instant.ofEpochMilli(r.lastBarTime()));
        } else {
            int warmed = warmUp(r, p, tf, barTime);
            log.info("{}: runtime warmed up on {} stored bars before {}", p.id(), warmed, Instant.ofEpochMilli(barTime));
        }
        runtimes.put(p.id(), r);
        return r;
    }

    private int warmUp(ModelRuntime r, Publication p, Timeframe tf, long barTime) {
        LocalDate first = sources.firstSession(p.ticker(), tf);
        if (first == null) {
            return 0;
        }
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(barTime), ExchangeCalendar.NEW_YORK);
        if (last.isBefore(first)) {
            return 0;
        }
        String key = p.ticker() + "|" + tf.label() + "|" + first + "|" + barTime;
        History cached = lastHistory;
        BarSeries history;
        if (cached != null && cached.key().equals(key)) {
            history = cached.bars();
        } else {
            history = sources.bars(p.ticker(), tf, first, last);
            lastHistory = new History(key, history);
        }
        int n = 0;
        for (int i = 0; i < history.size() && history.time()[i] < barTime; i++) {
            if (r.warmUp(new Bar(history.time()[i], history.open()[i], history.high()[i], history.low()[i],
                    history.close()[i], history.volume()[i]))) {
                n++;
            }
        }
        return n;
    }

    /** The training trades' statistics from the trained model's metadata. */
    TrainingReport.TradeStats tradeStats(byte[] metadata) {
        JsonNode t = metadata == null ? null : json.readTree(metadata).path("trade_stats");
        if (t == null || t.isMissingNode() || t.isNull()) {
            return new TrainingReport.TradeStats(0, 0, 0, 0, 0, 0);
        }
        return new TrainingReport.TradeStats(t.path("trades").asInt(), t.path("win_rate").asDouble(),
                t.path("avg_winner").asDouble(), t.path("avg_loser").asDouble(), t.path("avg_return").asDouble(),
                t.path("avg_duration_days").asDouble());
    }
}
