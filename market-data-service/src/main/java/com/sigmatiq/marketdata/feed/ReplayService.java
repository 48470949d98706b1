package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.config.MarketDataProperties;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.BarQueryService;
import com.sigmatiq.marketdata.domain.Resampler;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.kit.messaging.EventEnvelopeCodec;
import com.sigmatiq.marketdata.messaging.BarEventPublisher;
import com.sigmatiq.marketdata.messaging.BarTopics;
import com.sigmatiq.marketdata.domain.BarStore;
import com.sigmatiq.marketdata.domain.ReplayRepository;
import com.sigmatiq.marketdata.domain.ReplayRepository.ReplayRow;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays stored history to Kafka as if live: every closed bar of the replay's tickers and timeframes, in the order of
 * their ends ({@link ReplayTimeline}), paced at the chosen speed.
 *
 * <p><b>Never twice, never out of order, across restarts.</b> Sends go through the idempotent producer (a retry
 * cannot duplicate or reorder within a partition; one ticker's bars of one timeframe share a partition by key). The
 * cursor — the number of timeline events Kafka has acknowledged and the highest acknowledged offset of each
 * partition — is saved in {@code marketdata.replay} after the acknowledgements, every
 * {@code sigmatiq.marketdata.feed.cursor-every} events and at least every second. Events sent after the last save may
 * or may not have reached Kafka when the service stops or crashes; so a replay resumed at start first reads its
 * topics' partitions from the saved offsets to their end and takes, per ticker and timeframe, the latest bar of this
 * replay found there: the timeline continues after the saved position and skips every bar at or before that bar. A
 * stream therefore continues exactly after the last bar its subscribers could have seen.
 *
 * <p><b>Database or broker gone.</b> A replay whose database connection is lost (PostgreSQL restarted, connections
 * terminated) or whose broker does not answer is not failed: its run waits ({@code retry-min}, doubled per attempt up
 * to {@code retry-max}) and plays it again from its stored row, the same way as a restart does, for as long as it
 * takes. Database errors strike only between acknowledged sends (the cursor save) or before the first send, so such
 * a resume neither skips nor repeats a bar. A broker timeout can leave a send unacknowledged that still lands after the
 * resume has read the topics: that bar then reaches subscribers twice, which they tolerate (they drop repeats by event
 * id or bar time). Other errors mark the replay {@code failed}. One instance runs a given
 * replay (replays are resumed by the instance that starts; run one market-data instance, or add a lease before
 * scaling out).
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    private final ReplayRepository replays;
    private final BarStore store;
    private final BarQueryService queries;
    private final BarEventPublisher publisher;
    private final ConsumerFactory<?, ?> consumers;
    private final EventEnvelopeCodec codec;
    private final Clock clock;
    private final MarketDataProperties properties;
    private final ExchangeCalendar calendar = ExchangeCalendar.NYSE;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "replay");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Run> running = new ConcurrentHashMap<>();
    private final AtomicLong interruptions = new AtomicLong();

    public ReplayService(ReplayRepository replays, BarStore store, BarQueryService queries, BarEventPublisher publisher,
                         ConsumerFactory<?, ?> consumers, EventEnvelopeCodec codec, Clock clock, MarketDataProperties properties) {
        this.replays = replays;
        this.store = store;
        this.queries = queries;
        this.publisher = publisher;
        this.consumers = consumers;
        this.codec = codec;
        this.clock = clock;
        this.properties = properties;
    }

    public ReplayRow start(ReplayRequest request, String requestedBy) {
        return start(request, requestedBy, false);
    }

    /**
     * Starts a replay, or with {@code paused} only stores it ({@code paused}, not played) until {@link #resume}: a
     * client can then attach subscribers to its id (e.g. publish models on it) before its first bar is sent, which a
     * replay at full speed would otherwise outrun.
     */
    public ReplayRow start(ReplayRequest request, String requestedBy, boolean paused) {
        if (request.tickers() == null || request.tickers().isEmpty()) {
            throw new IllegalArgumentException("tickers: give at least one ticker");
        }
        if (request.timeframes() == null || request.timeframes().isEmpty()) {
            throw new IllegalArgumentException("timeframes: give at least one timeframe");
        }
        if (request.fromMs() >= request.toMs()) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (!(request.speed() >= 0) || Double.isInfinite(request.speed())) {
            throw new IllegalArgumentException("speed must be a positive number (1 = real time) or max");
        }
        List<String> tickers = request.tickers().stream().map(t -> t.toUpperCase(java.util.Locale.ROOT)).distinct().toList();
        Timeframe source = request.sourceTimeframe();
        if (source == null) {
            Timeframe finest = request.timeframes().stream().min(java.util.Comparator.comparingLong(Timeframe::millis)).get();
            source = queries.source(tickers.get(0), finest).timeframe();
        }
        for (String t : tickers) {
            var s = store.series(t, source).orElseThrow(() -> new IllegalArgumentException(
                    "tickers: no " + request.sourceTimeframe() + " bars stored for " + t));
            if (s.bars() == 0) {
                throw new IllegalArgumentException("tickers: no bars stored for " + t);
            }
            for (Timeframe tf : request.timeframes()) {
                if (!Resampler.canResample(source, tf)) {
                    throw new IllegalArgumentException("timeframes: " + tf + " cannot be built from " + source + " bars");
                }
            }
        }
        List<String> tfs = request.timeframes().stream().distinct().map(Timeframe::label).toList();
        if (!paused) {
            refuseConflicts(null, tickers, tfs);
        }
        Instant now = clock.instant();
        ReplayRow row = new ReplayRow(UUID.randomUUID(), tickers, source.label(), tfs, request.fromMs(), request.toMs(),
                request.speed(), request.extended(), paused ? "paused" : "running", 0, 0, endOffsets(tfs), null,
                requestedBy, now, now);
        replays.insert(row);
        if (!paused) {
            launch(row);
        }
        return replays.find(row.id()).orElseThrow();
    }

    /** Plays a replay started {@code paused}; a conflict (409) if it is not paused or another replay publishes its streams. */
    public ReplayRow resume(UUID id) {
        ReplayRow row = get(id);
        if (!row.status().equals("paused")) {
            throw new ReplayConflictException("replay " + id + " is " + row.status() + ", not paused");
        }
        refuseConflicts(id, row.tickers(), row.timeframes());
        if (!replays.transition(id, "running", clock.instant(), "paused")) {
            throw new ReplayConflictException("replay " + id + " is no longer paused");
        }
        launch(get(id));
        return get(id);
    }

    private void refuseConflicts(UUID self, List<String> tickers, List<String> timeframes) {
        for (ReplayRow r : replays.byStatus("running")) {
            if (r.id().equals(self)) {
                continue;
            }
            for (String t : tickers) {
                for (String tf : timeframes) {
                    if (r.tickers().contains(t) && r.timeframes().contains(tf)) {
                        throw new ReplayConflictException("replay " + r.id() + " is already publishing " + t + " " + tf
                                + "; cancel it first");
                    }
                }
            }
        }
    }

    public ReplayRow get(UUID id) {
        return replays.find(id).orElseThrow(() -> new ReplayNotFoundException("no replay " + id));
    }

    public List<ReplayRow> recent() {
        return replays.recent(50);
    }

    /** Stops a running replay for good; its cursor stays where the last acknowledgement put it. */
    public ReplayRow cancel(UUID id) {
        get(id);
        replays.transition(id, "cancelled", clock.instant(), "running", "paused");
        Run run = running.get(id);
        if (run != null) {
            run.stop();
        }
        return get(id);
    }

    /** Resumes the replays that were running when the service last stopped. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeRunning() {
        for (ReplayRow r : replays.byStatus("running")) {
            log.info("resuming replay {} at event {}", r.id(), r.position());
            launch(r);
        }
    }

    /**
     * Stops the runs as soon as the service begins to close, before the Kafka producer stops with the other
     * lifecycle beans: a send refused by a closing producer must not mark a replay failed, so that the next start
     * resumes it from its cursor.
     */
    @EventListener(ContextClosedEvent.class)
    public void onClosing() throws InterruptedException {
        shutdown();
    }

    @PreDestroy
    public void shutdown() throws InterruptedException {
        running.values().forEach(Run::stop);
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void launch(ReplayRow row) {
        Run run = new Run(row);
        if (running.putIfAbsent(row.id(), run) == null) {
            executor.submit(run);
        }
    }

    private Map<String, Long> endOffsets(List<String> timeframes) {
        try (Consumer<String, String> c = consumer()) {
            List<TopicPartition> parts = partitions(c, timeframes);
            Map<String, Long> out = new LinkedHashMap<>();
            c.endOffsets(parts).forEach((p, end) -> out.put(key(p), end - 1));
            return out;
        }
    }

    /** Per stream ({@code ticker|timeframe}), the latest bar start of this replay found after the saved offsets. */
    Map<String, Long> reconcile(ReplayRow row) {
        Map<String, Long> latest = new HashMap<>();
        String id = row.id().toString();
        try (Consumer<String, String> c = consumer()) {
            List<TopicPartition> parts = partitions(c, row.timeframes());
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            List<TopicPartition> todo = new ArrayList<>();
            for (TopicPartition p : parts) {
                long from = row.offsets().getOrDefault(key(p), -1L) + 1;
                if (from < end.get(p)) {
                    todo.add(p);
                }
            }
            if (todo.isEmpty()) {
                return latest;
            }
            c.assign(todo);
            for (TopicPartition p : todo) {
                c.seek(p, row.offsets().getOrDefault(key(p), -1L) + 1);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!todo.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : c.poll(Duration.ofMillis(200))) {
                    EventEnvelope<?> event = codec.read(rec.value());
                    if (event.payload() instanceof BarClosed bar && id.equals(bar.replayId())) {
                        latest.merge(bar.ticker() + '|' + bar.timeframe(), bar.start().toEpochMilli(), Math::max);
                    }
                }
                todo.removeIf(p -> c.position(p) >= end.get(p));
            }
            if (!todo.isEmpty()) {
                throw new Unreachable("could not read " + todo + " to their end in 60 s to resume replay " + id, null);
            }
        }
        return latest;
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return (Consumer<String, String>) consumers.createConsumer("market-data-replay", "market-data-replay", null, p);
    }

    private static List<TopicPartition> partitions(Consumer<String, String> c, List<String> timeframes) {
        List<TopicPartition> parts = new ArrayList<>();
        for (String tf : timeframes) {
            String topic = BarTopics.topic(Timeframe.parse(tf));
            List<PartitionInfo> info = c.partitionsFor(topic, Duration.ofSeconds(30));
            if (info == null || info.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            info.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
        }
        return parts;
    }

    private static String key(TopicPartition p) {
        return p.topic() + ":" + p.partition();
    }

    /** One replay being played by this instance. */
    private final class Run implements Runnable {

        private final UUID id;
        private volatile ReplayRow row;
        private volatile boolean stopped;
        /** Whether the current attempt saved a cursor: the back-off starts again from its minimum after progress. */
        private boolean progressed;

        Run(ReplayRow row) {
            this.id = row.id();
            this.row = row;
        }

        void stop() {
            stopped = true;
        }

        /**
         * Plays the replay; when the database or the broker cannot be reached, waits (back-off) and plays it again from
         * its saved cursor, exactly as a restart of the service would, until it completes, is cancelled or the service
         * stops. Any other error marks the replay {@code failed}.
         */
        @Override
        public void run() {
            Duration wait = properties.feed().retryMin();
            try {
                while (!stopped) {
                    progressed = false;
                    try {
                        play();
                        return;
                    } catch (RuntimeException e) {
                        if (stopped) {
                            return;
                        }
                        if (!recoverable(e)) {
                            markFailed(e);
                            return;
                        }
                        if (progressed) {
                            wait = properties.feed().retryMin();
                        }
                        interruptions.incrementAndGet();
                        log.warn("replay {} interrupted ({}); resuming from its saved cursor in {} ms", id, rootMessage(e),
                                wait.toMillis());
                        TimeUnit.MILLISECONDS.sleep(wait.toMillis());
                        wait = longer(wait);
                    }
                    row = reload();
                    if (row == null) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.remove(id);
            }
        }

        /** The stored row, read again until the database answers; null when it is no longer {@code running}. */
        private ReplayRow reload() throws InterruptedException {
            Duration wait = properties.feed().retryMin();
            while (!stopped) {
                try {
                    ReplayRow r = replays.find(id).orElse(null);
                    if (r == null || !r.status().equals("running")) {
                        log.info("replay {} is {} now; not resumed", id, r == null ? "gone" : r.status());
                        return null;
                    }
                    log.info("resuming replay {} at event {}", id, r.position());
                    return r;
                } catch (RuntimeException e) {
                    if (!recoverable(e)) {
                        throw e;
                    }
                    log.warn("replay {}: database still unreachable ({}); trying again in {} ms", id, rootMessage(e),
                            wait.toMillis());
                    TimeUnit.MILLISECONDS.sleep(wait.toMillis());
                    wait = longer(wait);
                }
            }
            return null;
        }

        private void markFailed(RuntimeException e) {
            log.error("replay {} failed", id, e);
            try {
                replays.fail(id, String.valueOf(e.getMessage()), clock.instant());
            } catch (RuntimeException f) {
                log.error("replay {} could not be marked failed; it stays running and resumes at the next start", id, f);
            }
        }

        private Duration longer(Duration wait) {
            Duration twice = wait.multipliedBy(2);
            return twice.compareTo(properties.feed().retryMax()) > 0 ? properties.feed().retryMax() : twice;
        }

        private void play() throws InterruptedException {
            ReplayRow row = this.row;
            Timeframe source = Timeframe.parse(row.sourceTimeframe());
            List<ZoneId> zones = new ArrayList<>();
            List<BarColumns> sources = new ArrayList<>();
            for (String t : row.tickers()) {
                zones.add(store.series(t, source).orElseThrow().exchange());
                sources.add(store.read(t, source, row.fromMs(), row.toMs()));
            }
            List<Timeframe> tfs = row.timeframes().stream().map(Timeframe::parse).toList();
            List<ReplayTimeline.Event> timeline = ReplayTimeline.build(row.tickers(), zones, sources, source, tfs,
                    row.extended(), calendar);
            long total = timeline.size();
            Map<String, Long> logged = reconcile(row);
            Map<String, Long> offsets = new LinkedHashMap<>(row.offsets());
            String stream = row.id().toString();
            List<CompletableFuture<RecordMetadata>> inflight = new ArrayList<>();
            int cursorEvery = Math.max(1, properties.feed().cursorEvery());
            long lastSave = System.nanoTime();
            int pos = (int) Math.min(row.position(), total);
            long wall0 = System.nanoTime();
            long sim0 = pos < total ? timeline.get(pos).end() : 0;
            int skipped = 0;
            for (int i = pos; i < total; i++) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    return; // like a crash: what was sent after the last save is found again by reconcile()
                }
                ReplayTimeline.Event e = timeline.get(i);
                if (row.speed() > 0) {
                    long dueNanos = wall0 + (long) ((e.end() - sim0) * 1_000_000L / row.speed());
                    long wait = dueNanos - System.nanoTime();
                    if (wait > 0) {
                        if (!inflight.isEmpty()) {
                            // the bars due so far leave now, not after the producer's linger.ms: a paced replay's bars
                            // are awaited one by one downstream, where those milliseconds are each bar's latency
                            publisher.flush();
                            acknowledge(inflight, offsets);
                            replays.saveCursor(row.id(), i, total, offsets, null, null, clock.instant());
                            progressed = true;
                            lastSave = System.nanoTime();
                        }
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                Long seen = logged.get(e.stream());
                if (seen != null && e.start() <= seen) {
                    skipped++;
                    continue;
                }
                BarColumns b = e.bars();
                int k = e.index();
                double v = b.volume()[k];
                inflight.add(publisher.publish(new BarClosed(e.ticker(), e.exchange().getId(), e.timeframe().label(),
                        Instant.ofEpochMilli(e.start()), Instant.ofEpochMilli(e.end()), b.open()[k], b.high()[k], b.low()[k],
                        b.close()[k], Double.isNaN(v) ? null : v, "replay", stream, i), clock.instant()));
                if (inflight.size() >= cursorEvery || System.nanoTime() - lastSave > 1_000_000_000L) {
                    acknowledge(inflight, offsets);
                    if (stopped) {
                        return;
                    }
                    replays.saveCursor(row.id(), i + 1, total, offsets, null, null, clock.instant());
                    progressed = true;
                    lastSave = System.nanoTime();
                }
            }
            acknowledge(inflight, offsets);
            if (!stopped) {
                replays.saveCursor(row.id(), total, total, offsets, "completed", null, clock.instant());
                log.info("replay {} completed: {} events ({} already published before a restart)", row.id(), total, skipped);
            }
        }

        private void acknowledge(List<CompletableFuture<RecordMetadata>> inflight, Map<String, Long> offsets)
                throws InterruptedException {
            for (CompletableFuture<RecordMetadata> f : inflight) {
                RecordMetadata md;
                try {
                    md = f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IllegalStateException("Kafka did not acknowledge a bar: " + ex.getMessage(), ex);
                } catch (java.util.concurrent.TimeoutException ex) {
                    throw new Unreachable("Kafka did not acknowledge a bar in 60 s", ex);
                }
                offsets.merge(md.topic() + ":" + md.partition(), md.offset(), Math::max);
            }
            inflight.clear();
        }
    }

    /**
     * Whether {@code e} says the database or the broker could not be reached (connection lost or refused, server
     * shutting down, a timeout) rather than something a new attempt would meet again.
     */
    static boolean recoverable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Unreachable || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().startsWith("53"))) {
                return true; // connection exception, operator intervention (shutdown, terminated), insufficient resources
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** The broker did not answer in time. */
    private static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** For tests: how many times a replay of this instance was interrupted by an unreachable database or broker. */
    long interruptions() {
        return interruptions.get();
    }

    /** For tests and the benchmark: whether a replay is being played by this instance. */
    public boolean isPlaying(UUID id) {
        return running.containsKey(id);
    }

    Set<UUID> playing() {
        return running.keySet();
    }
}
