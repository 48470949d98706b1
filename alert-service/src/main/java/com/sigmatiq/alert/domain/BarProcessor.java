package com.sigmatiq.alert.domain;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingReport;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes closed bars to every active published model that follows their ticker, timeframe and feed, in batches (a
 * burst of bars is taken together), the models of a stream on every core. Each model's runtime (built on first use:
 * from its last snapshot after a restart, else warmed up on the stored history before the bar) evaluates the bars.
 *
 * <p>What is stored, and when: a batch's alerts with their delivery rows (and the stream's progress) in one
 * transaction before the batch is acknowledged; every {@code snapshot-every} bars or when a stream pauses, a runtime's
 * snapshot with the evaluations it made since the one before (a block) is handed to the {@link EvaluationWriter}, which
 * stores them together. A snapshot carries the stream
 * position of its last bar; a runtime rebuilt from it (after a restart, a rebalance or a failed transaction) takes the
 * bars after it again ({@link #resumeOffset}), making the same evaluations and alerts, which are stored once.
 *
 * <p>Thread safety: the public methods are synchronized (one batch at a time); inside a batch a runtime is used by one
 * thread.
 */
@Component
public class BarProcessor {

    private static final Logger log = LoggerFactory.getLogger(BarProcessor.class);

    private final RuntimeStore store;
    private final RuntimeSources sources;
    private final DeliveryPlanner planner;
    private final EvaluationWriter writer;
    private final ObjectProvider<DeliveryDispatcher> dispatcher;
    private final JsonMapper json;
    private final Clock clock;
    private final int snapshotEvery;
    private final long snapshotIdleNanos;
    private final ForkJoinPool cores;
    private final Map<String, Live> runtimes = new ConcurrentHashMap<>();
    private final Map<String, IncomingBar.BarPosition> rewinds = new HashMap<>();   // by topic and partition
    private final Map<String, List<Group>> groups = new HashMap<>();   // by stream
    // immutable inputs shared by runtimes: a pack version, a trained model
    private final Map<String, Pack> packs = new ConcurrentHashMap<>();
    private final Map<String, Loaded> models = new ConcurrentHashMap<>();
    // the followers of each stream, valid while the publications' version stays
    private final Map<String, List<Publication>> following = new HashMap<>();
    private String followingVersion;
    private long followingCheckedAt;
    private final long followingCheckNanos;
    // the last history read, reused by the runtimes built for the same bar (many models on one ticker)
    private volatile History lastHistory;

    private record Loaded(TrainedModel model, TrainingReport.TradeStats stats) {
    }

    private record History(String key, BarSeries bars) {
    }

    /** A runtime and what the processor knows of it. */
    private static final class Live {
        final Publication publication;
        final ModelRuntime runtime;
        IncomingBar.BarPosition position;   // of the last bar taken
        long awaiting = -1;                 // >= 0: built after its replay began, it waits for the replay's first bar
        int sinceSnapshot;                  // bars taken since the last snapshot handed to the writer
        final int snapshotEvery;
        long taken;                         // bars taken since it was built
        long snapshotDue;                   // its next snapshot once taken reaches this (see snapshotDue())
        long lastTaken = System.nanoTime();
        Group group;                        // whose signal stream it reads
        boolean built;                      // built in this batch: its layout (and warm-up snapshot) to be stored
        RuntimeSnapshot warmedUp;
        final List<ModelRuntime.Step> steps = new ArrayList<>();  // this batch's
        final List<String> alertJson = new ArrayList<>();          // its alerts as stored, in order, made in parallel
        RuntimeStore.EvaluationRows rows;   // its evaluations since its last snapshot, written with the next one
        int made;                           // evaluations made in this batch

        Live(Publication publication, ModelRuntime runtime, IncomingBar.BarPosition position, int snapshotEvery) {
            this.publication = publication;
            this.runtime = runtime;
            this.position = position;
            this.snapshotEvery = snapshotEvery;
            // a phase of its own, 1..snapshot-every, so that runtimes built together take turns
            this.snapshotDue = 1 + Math.floorMod(publication.id().hashCode(), snapshotEvery);
        }

        /**
         * Whether its snapshot is due: at bars phase + k × snapshot-every of the ones it has taken, the next after the
         * last snapshot. Runtimes keep their turns after a batch of many bars (a burst, the bars read again after a
         * restart), in which each took several points at once: they do not all write on the same bar from then on.
         */
        boolean snapshotDue() {
            return taken >= snapshotDue;
        }

        RuntimeSnapshot snapshot() {
            sinceSnapshot = 0;
            if (taken >= snapshotDue) {
                snapshotDue += ((taken - snapshotDue) / snapshotEvery + 1) * snapshotEvery;
            }
            return new RuntimeSnapshot(publication.id(), runtime.saveState(), runtime.lastBarTime(), position);
        }

        /**
         * Its snapshot and the evaluations made since the one before, for the writer, which stores them in one
         * transaction: a block of evaluations is stored once, and a runtime restored from its snapshot makes only the
         * evaluations after it.
         */
        void handOver(List<RuntimeStore.EvaluationRows> blocks, List<RuntimeSnapshot> snapshots) {
            if (rows != null) {
                blocks.add(rows);
                rows = null;
            }
            snapshots.add(snapshot());
        }

        void take(IncomingBar b, java.util.function.Function<Alert, String> toJson, RuntimeStore store) {
            ModelRuntime.Step step = runtime.onBar(b.bar());
            if (step != null) {
                if (!step.alerts().isEmpty()) {
                    steps.add(step);
                }
                if (rows == null) {
                    rows = store.evaluationRows();
                }
                rows.add(publication, step.row());
                made++;
                for (Alert a : step.alerts()) {
                    alertJson.add(toJson.apply(a));
                }
                position = b.position();
                sinceSnapshot++;
                taken++;
                lastTaken = System.nanoTime();
            }
        }
    }

    /**
     * Runtimes of one stream that compute the same signals from the same point: one signal stream, advanced once per
     * bar, read by each ({@link ModelRuntime#followSignals}); each keeps its own decisions, position and snapshot.
     */
    private static final class Group {
        final String identity;
        final SignalEngine.Stream stream;
        final List<Live> members = new ArrayList<>();
        long time;
        byte[] state;   // the stream's state while it has not moved since it was read

        Group(String identity, SignalEngine.Stream stream, long time) {
            this.identity = identity;
            this.stream = stream;
            this.time = time;
        }

        byte[] state(Live any) {
            if (state == null) {
                state = any.runtime.signalState();
            }
            return state;
        }

        void advance(Bar b) {
            if (b.time() > time) {
                stream.update(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume());
                time = b.time();
                state = null;
                // the shown values of the bar, made here once per copy and read by the members in parallel
                for (Live m : members) {
                    m.runtime.shown().at(time);
                }
            }
        }
    }


    public BarProcessor(RuntimeStore store, RuntimeSources sources, DeliveryPlanner planner, EvaluationWriter writer,
                        ObjectProvider<DeliveryDispatcher> dispatcher, JsonMapper json,
                        Clock clock,
                        @Value("${sigmatiq.alert.runtime.snapshot-every:128}") int snapshotEvery,
                        @Value("${sigmatiq.alert.runtime.snapshot-idle:1s}") java.time.Duration snapshotIdle,
                        @Value("${sigmatiq.alert.runtime.following-check:100ms}") java.time.Duration followingCheck,
                        @Value("${sigmatiq.alert.runtime.threads:0}") int threads) {
        this.store = store;
        this.sources = sources;
        this.planner = planner;
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
        this.snapshotEvery = Math.max(1, snapshotEvery);
        this.snapshotIdleNanos = snapshotIdle.toNanos();
        this.followingCheckNanos = followingCheck.toNanos();
        this.cores = new ForkJoinPool(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        // Jackson builds an alert's serializer on first use: done now, not in the first alerts' latency
        json.writeValueAsString(new Alert("warm-up", Instant.EPOCH, "", "", new Alert.Signal(AlertAction.BUY, "stock", "", 0.5,
                "immediate"), new Alert.OrderDetails("limit", 1, 1.0, 1.0, 1.0, "day", Instant.EPOCH, null, null),
                new Alert.Metadata("", "", Map.of("f", 1.0), Map.of("w", 0.5), 0.1, 1.0)));
    }

    /** One bar (tests, tools): {@link #onBars} of a batch of one. */
    public int onBar(String ticker, String timeframe, String stream, Bar bar, IncomingBar.BarPosition position) {
        return onBars(List.of(new IncomingBar(ticker, timeframe, stream, bar, position)));
    }

    /**
     * Takes a batch of bars (in arrival order; a stream's bars in time order). Returns once their alerts are stored.
     * If storing fails, the runtimes that took the batch are forgotten (rebuilt from their last snapshot when their
     * bars come again: see {@link #resumeOffset}) and the failure is thrown.
     *
     * @return the model evaluations made (bars already taken by a model do not count)
     */
    public synchronized int onBars(List<IncomingBar> bars) {
        writer.hotPathStarted();
        try {
            return take(bars);
        } finally {
            writer.hotPathEnded();
        }
    }

    private int take(List<IncomingBar> bars) {
        Map<String, List<IncomingBar>> streams = new LinkedHashMap<>();
        for (IncomingBar b : bars) {
            streams.computeIfAbsent(b.streamKey(), k -> new ArrayList<>()).add(b);
        }
        refreshFollowing();
        List<RuntimeStore.Made> made = new ArrayList<>();
        List<RuntimeSnapshot> warmedUp = new ArrayList<>();
        List<RuntimeStore.Layout> layouts = new ArrayList<>();
        List<RuntimeStore.StreamMark> marks = new ArrayList<>();
        List<RuntimeStore.EvaluationRows> evaluated = new ArrayList<>();
        int evaluations = 0;
        List<RuntimeSnapshot> snapshots = new ArrayList<>();
        List<Live> touched = new ArrayList<>();
        DeliveryPlanner.Batch plans = planner.batch();
        for (Map.Entry<String, List<IncomingBar>> e : streams.entrySet()) {
            List<IncomingBar> stream = e.getValue();
            IncomingBar last = stream.get(stream.size() - 1);
            String feed = last.stream() == null || last.stream().isEmpty() ? Publication.LIVE : last.stream();
            IncomingBar first = stream.get(0);
            marks.add(new RuntimeStore.StreamMark(last.ticker(), last.timeframe(), feed, first.bar().time(), first.position(),
                    last.bar().time(), stream.size()));
            List<Publication> followers = followers(last.ticker(), last.timeframe(), feed);
            leaveUnfollowed(e.getKey(), followers);
            if (followers.isEmpty()) {
                continue;
            }
            RuntimeStore.StreamStart start = replayStartBefore(first, feed, followers);
            List<Live> lives = start == null && followers.stream().allMatch(p -> runtimes.containsKey(p.id()))
                    ? followers.stream().map(p -> runtimes.get(p.id())).toList()   // the usual case: nothing to build
                    : parallel(followers, p -> live(p, first, start));
            List<Live> taking = new ArrayList<>(lives.size());
            for (Live l : lives) {
                if (l.awaiting >= 0) {
                    if (first.position().offset() > l.awaiting) {
                        continue;   // the bars of its replay come again from the first (rewinds())
                    }
                    l.awaiting = -1;
                }
                if (l.group == null) {
                    join(e.getKey(), l);
                }
                taking.add(l);
            }
            List<Group> streamGroups = groups.getOrDefault(e.getKey(), List.of());
            for (IncomingBar b : stream) {
                for (Group g : streamGroups) {
                    g.advance(b.bar());
                }
                parallel(taking, l -> {
                    l.take(b, json::writeValueAsString, store);
                    return l;
                });
            }
            for (Live l : lives) {
                touched.add(l);
                if (l.built) {
                    layouts.add(new RuntimeStore.Layout(l.publication.id(), l.runtime.layout()));
                    if (l.warmedUp != null) {
                        warmedUp.add(l.warmedUp);
                    }
                    l.built = false;
                    l.warmedUp = null;
                }
                Publication p = l.publication;
                int j = 0;
                evaluations += l.made;
                l.made = 0;
                for (ModelRuntime.Step step : l.steps) {
                    for (Alert a : step.alerts()) {
                        made.add(new RuntimeStore.Made(p, a, l.alertJson.get(j++), plans.plan(p, a)));
                    }
                }
                l.steps.clear();
                l.alertJson.clear();
                if (l.snapshotDue()) {
                    l.handOver(evaluated, snapshots);
                }
            }
        }
        try {
            store.saveAlerts(made, warmedUp, layouts, marks, clock.instant());
        } catch (RuntimeException e) {
            touched.forEach(this::forget);
            throw e;
        }
        if (!made.isEmpty()) {
            dispatcher.ifAvailable(DeliveryDispatcher::wake);   // their delivery rows go now, not at the next pass
        }
        writer.enqueue(evaluated, snapshots);
        return evaluations;
    }

    /**
     * Where a replay began, when a runtime of it may have to be built after its first bar was taken here (its
     * publication reached the service while the replay ran): such a runtime is warmed up before the replay's first
     * bar and reads the replay again from there, so that it decides on every bar of it, as its backtest does.
     */
    private RuntimeStore.StreamStart replayStartBefore(IncomingBar first, String feed, List<Publication> followers) {
        if (Publication.LIVE.equals(feed) || followers.stream().allMatch(p -> runtimes.containsKey(p.id()))) {
            return null;
        }
        return store.streamStart(first.ticker(), first.timeframe(), feed)
                .filter(s -> s.position().topic().equals(first.position().topic())
                        && s.position().partition() == first.position().partition()
                        && s.position().offset() < first.position().offset())
                .orElse(null);
    }

    /**
     * Places to read again from, one per partition, asked for by runtimes built after their replay began; taken by the
     * caller of {@link #onBars} after it returns (the batch's alerts are stored with their warm-up snapshots, which
     * record the same place, so a crash before the seek reads from there too).
     */
    public synchronized List<IncomingBar.BarPosition> rewinds() {
        List<IncomingBar.BarPosition> taken = new ArrayList<>(rewinds.values());
        rewinds.clear();
        return taken;
    }

    /**
     * A publication's runtime, built when it has none: restored from its snapshot, or warmed up before {@code first},
     * or before {@code start} (its replay's first bar, when that was taken here before {@code first}).
     */
    private Live live(Publication p, IncomingBar first, RuntimeStore.StreamStart start) {
        Live live = runtimes.get(p.id());
        if (live == null) {
            live = build(p, start != null ? start.barTime() : first.bar().time());
            live.built = true;
            if (live.position == null) {
                live.position = (start != null ? start.position() : first.position()).before();
                live.warmedUp = live.snapshot();
                if (start != null) {
                    live.awaiting = start.position().offset();
                    IncomingBar.BarPosition at = start.position();
                    synchronized (rewinds) {
                        rewinds.merge(at.topic() + '|' + at.partition(), at, (a, b) -> a.offset() <= b.offset() ? a : b);
                    }
                    log.info("{}: built after its replay {} began; reading it again from offset {}", p.id(), p.feed(),
                            at.offset());
                }
            }
            runtimes.put(p.id(), live);
        }
        return live;
    }

    /** Puts a runtime in the group of its stream that computes its signals from the same point, or in a new one. */
    private void join(String streamKey, Live l) {
        List<Group> in = groups.computeIfAbsent(streamKey, k -> new ArrayList<>());
        String identity = l.runtime.signalIdentity();
        long time = l.runtime.lastBarTime();
        byte[] state = null;
        for (Group g : in) {
            if (g.identity.equals(identity) && g.time == time && !g.members.isEmpty()) {
                state = state == null ? l.runtime.signalState() : state;
                if (Arrays.equals(state, g.state(g.members.get(0)))) {
                    l.runtime.followSignals(g.stream);
                    l.runtime.shareShown(g.members.get(0).runtime.shown());
                    g.members.add(l);
                    l.group = g;
                    return;
                }
            }
        }
        Group g = new Group(identity, l.runtime.signals(), time);
        l.runtime.followSignals(g.stream);
        g.members.add(l);
        l.group = g;
        in.add(g);
    }

    /** Forgets the runtimes of a stream whose publications no longer follow it (changed by another instance). */
    private void leaveUnfollowed(String streamKey, List<Publication> followers) {
        List<Group> in = groups.get(streamKey);
        if (in == null) {
            return;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        followers.forEach(p -> ids.add(p.id()));
        List<Live> gone = new ArrayList<>();
        in.forEach(g -> g.members.stream().filter(l -> !ids.contains(l.publication.id())).forEach(gone::add));
        gone.forEach(this::forget);
    }

    /** Drops a runtime from memory and from its group (an empty group goes too). */
    private void forget(Live l) {
        runtimes.remove(l.publication.id(), l);
        Group g = l.group;
        if (g != null) {
            g.members.remove(l);
            l.group = null;
            if (g.members.isEmpty()) {
                groups.values().forEach(list -> list.remove(g));
            }
        }
    }

    /** {@code f} of every item, on every core when there are several. */
    private <T, R> List<R> parallel(List<T> items, java.util.function.Function<T, R> f) {
        if (items.size() < 2) {
            return items.stream().map(f).toList();
        }
        return cores.submit(() -> items.parallelStream().map(f).toList()).join();
    }

    /**
     * Hands the snapshots of runtimes that took bars but none for {@code snapshot-idle} to the writer, so that a
     * stream that stops (a replay's end) is not taken again after a restart.
     */
    @Scheduled(fixedDelayString = "${sigmatiq.alert.runtime.snapshot-idle:1s}")
    public synchronized void snapshotIdle() {
        long now = System.nanoTime();
        List<RuntimeStore.EvaluationRows> blocks = new ArrayList<>();
        List<RuntimeSnapshot> snapshots = new ArrayList<>();
        for (Live l : runtimes.values()) {
            if (l.sinceSnapshot > 0 && now - l.lastTaken >= snapshotIdleNanos) {
                l.handOver(blocks, snapshots);
            }
        }
        writer.enqueue(blocks, snapshots);
    }

    /** Forgets a publication's runtime (paused, retired, or replaced), its state written first. */
    public synchronized void drop(String publicationId) {
        Live l = runtimes.get(publicationId);
        if (l != null) {
            if (l.sinceSnapshot > 0) {
                List<RuntimeStore.EvaluationRows> blocks = new ArrayList<>();
                List<RuntimeSnapshot> snapshots = new ArrayList<>();
                l.handOver(blocks, snapshots);
                writer.enqueue(blocks, snapshots);
            }
            forget(l);
        }
        invalidateFollowing();
    }

    /** The publications changed: the next batch reads who follows each stream again. */
    public synchronized void invalidateFollowing() {
        followingVersion = null;
    }

    /**
     * Before a partition is read by this process: the runtimes of it that are in memory are written and forgotten
     * (another process may have moved them on), and the offset from which every active runtime of it finds its next
     * bar is answered (empty: read from the committed offset).
     */
    public synchronized OptionalLong resumeOffset(String topic, int partition) {
        release(topic, partition);
        return store.resumeOffset(topic, partition);
    }

    /** A partition is no longer read by this process: its runtimes' states go to the writer and they are forgotten. */
    public synchronized void release(String topic, int partition) {
        List<RuntimeStore.EvaluationRows> blocks = new ArrayList<>();
        List<RuntimeSnapshot> snapshots = new ArrayList<>();
        List<Live> leaving = runtimes.values().stream().filter(l -> l.position != null && l.position.topic().equals(topic)
                && l.position.partition() == partition).toList();
        for (Live l : leaving) {
            if (l.sinceSnapshot > 0) {
                l.handOver(blocks, snapshots);
            }
            forget(l);
        }
        writer.enqueue(blocks, snapshots);
        // written before the partition's next reader asks where to start (an older snapshot only means more bars again)
        writer.flush(java.time.Duration.ofSeconds(10));
    }

    /** At shutdown: every runtime's state to the writer (which writes what it holds before it stops). */
    @PreDestroy
    public synchronized void close() {
        List<RuntimeStore.EvaluationRows> blocks = new ArrayList<>();
        List<RuntimeSnapshot> snapshots = new ArrayList<>();
        for (Live l : runtimes.values()) {
            if (l.sinceSnapshot > 0) {
                l.handOver(blocks, snapshots);
            }
        }
        writer.enqueue(blocks, snapshots);
        cores.shutdown();
    }

    /**
     * Reads the publications' version again when this instance changed them ({@link #invalidateFollowing}) or
     * {@code following-check} has passed (another instance may have): not a query per batch.
     */
    private void refreshFollowing() {
        long now = System.nanoTime();
        if (followingVersion != null && now - followingCheckedAt < followingCheckNanos) {
            return;
        }
        String version = store.publicationsVersion();
        followingCheckedAt = now;
        if (!version.equals(followingVersion)) {
            following.clear();
            followingVersion = version;
        }
    }

    private List<Publication> followers(String ticker, String timeframe, String feed) {
        return following.computeIfAbsent(ticker + '|' + timeframe + '|' + feed, k -> store.following(ticker, timeframe, feed));
    }

    /** A runtime of {@code p}: restored from its snapshot (position set), or warmed up before {@code barTime} (position null). */
    private Live build(Publication p, long barTime) {
        writer.flush(); // its last snapshot may be on its way
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
        ModelRuntime r = new ModelRuntime(p, config, loaded.model(), loaded.stats(), !tf.isDaily());
        RuntimeSnapshot snapshot = store.snapshot(p.id()).orElse(null);
        if (snapshot != null) {
            r.restoreState(snapshot.state());
            log.info("{}: runtime restored at {} (offset {})", p.id(), Instant.ofEpochMilli(r.lastBarTime()),
                    snapshot.position() == null ? "none" : snapshot.position().offset());
            return new Live(p, r, snapshot.position(), snapshotEvery);
        }
        int warmed = warmUp(r, p, tf, barTime);
        log.info("{}: runtime warmed up on {} stored bars before {}", p.id(), warmed, Instant.ofEpochMilli(barTime));
        return new Live(p, r, null, snapshotEvery);
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

    /** Runtimes in memory (for tests and health). */
    public int runtimeCount() {
        return runtimes.size();
    }
}
