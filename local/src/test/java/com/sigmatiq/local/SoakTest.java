package com.sigmatiq.local;

import com.sigmatiq.local.soak.BarClock;
import com.sigmatiq.local.soak.ConsumerLag;
import com.sigmatiq.local.soak.Flatness;
import com.sigmatiq.local.soak.HeapAfterGc;
import com.sigmatiq.local.soak.LogErrors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static com.sigmatiq.local.JourneyFiles.repositoryRoot;
import static com.sigmatiq.local.JourneyFiles.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak (issue 17, "Time"): local mode with each service in its own JVM, 100 published models (paper trading for
 * half of them) following a replay of all the bundled intraday history — SPY's 1-minute bars of January and March
 * 2011, published as 1m and 5m bars, extended hours included — at full speed, replay after replay, for
 * {@code -Dsoak.minutes} (default 30). Every {@code -Dsoak.sample-seconds} (default 60) one line: each service's heap
 * after a full collection, Kafka consumer lag per group (the most seen in the minute, sampled every 5 s), p50 and p99 of
 * alert latency (alert stored − its bar published), bars, alerts and paper periods completed in the minute, error
 * lines in the logs. At the end the table goes to {@code target/soak-report.md} and the rules of
 * {@code docs/operations.md} "Soak" are asserted: no error line, no service died, heap and lag flat, p99 flat.
 *
 * <p>A publication follows one replay, and a replay plays history once; so each round starts a replay
 * <em>paused</em> ({@code "paused": true}), retires the previous round's publications, publishes the same trained models
 * again on the new replay, waits until alert-service and sim-service both follow them, and resumes the replay. Without
 * the pause a replay at full speed is over before its publications reach sim-service, whose paper period starts with the
 * first bar after the account exists.
 *
 * <p>Run on demand ({@code -Dsoak=true}; {@code -Dsoak.models=N}, default 100):
 * <pre>
 * ./mvnw -q -B -ntp -pl local -am package -DskipTests
 * flock /tmp/sigmatiq-long-run.lock ./mvnw -q -B -ntp -pl local test -Dtest=SoakTest -Dsoak=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "soak", matches = "true", disabledReason = "on demand (-Dsoak=true): 30 minutes")
class SoakTest {

    static final int MINUTES = Integer.getInteger("soak.minutes", 30);
    static final int SAMPLE_SECONDS = Integer.getInteger("soak.sample-seconds", 60);
    static final int MODELS = Integer.getInteger("soak.models", 100);
    /** How long a round waits for its paper periods to complete before the next round retires them. */
    static final Duration PAPER_WAIT = Duration.ofSeconds(Integer.getInteger("soak.paper-wait-seconds", 60));
    /** Lag is read this often within a sample, and the most seen is reported: a replay at full speed comes in bursts. */
    static final Duration LAG_EVERY = Duration.ofSeconds(5);
    /** Heap flat: the last third's median after GC at most the first third's × 1.2 + 24 MB (docs/operations.md). */
    static final double HEAP_FACTOR = 1.2;
    static final double HEAP_ALLOWANCE_MB = 24;
    /** Lag flat: the last third's median of the per-minute maximum at most the first third's × 1.5 + 2,000 records. */
    static final double LAG_FACTOR = 1.5;
    static final double LAG_ALLOWANCE = 2_000;
    /** p99 flat: the last third's median of the per-minute p99 at most the first third's × 2 + 250 ms. */
    static final double P99_FACTOR = 2.0;
    static final double P99_ALLOWANCE_MS = 250;
    /** The groups that read the bar topics, shown in the table (every group is in the report's lag section). */
    static final List<String> LAG_COLUMNS = List.of("alert-service", "sim-service", "local-broker", "pilot-service");
    private static final Map<String, Object> SWEEP_PARAMETERS = Map.of("thresholds", List.of(0.5, 0.55, 0.6, 0.65),
            "allowed_hours", List.of("all_day"), "position_size_pct", List.of(10, 20));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    @TempDir
    static Path data;

    private static LocalMode mode;
    private static ServiceProcesses processes;
    private static String gateway;
    private static volatile String token;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startThePlatformWithEachServiceInItsOwnJvm() {
        Path root = repositoryRoot();
        List<LocalService> services = LocalServices.ALL.stream()
                .map(s -> s.withPort(LocalInfrastructure.portOrFree(0, s.module()))).toList();
        for (LocalService service : services) {
            assertThat(ServiceClasspath.modulesUnder(root).resolve(service))
                    .as("%s is not built: run ./mvnw -q -B -ntp -pl local -am package -DskipTests", service.module())
                    .isPresent();
        }
        long t0 = System.nanoTime();
        mode = new LocalMode();
        mode.start(new LocalMode.Options(root, data, 0, 0, true), services, ServiceClasspath.modulesUnder(root));
        processes = mode.processes().orElseThrow();
        System.out.printf(Locale.ROOT, "soak: %d service JVMs up in %.1f s (%s)%n", services.size(),
                (System.nanoTime() - t0) / 1e9, System.getenv().getOrDefault(ServiceProcesses.JAVA_OPTS_ENV,
                        ServiceProcesses.DEFAULT_JAVA_OPTS));
        gateway = services.get(0).baseUrl();
        token = login();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (mode != null) {
            mode.close();
        }
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Path.of("target", "soak-logs");
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("soak: the services' logs are in " + kept.toAbsolutePath());
        }
    }

    @Test
    void heapLagAndAlertLatencyStayFlatThroughReplaysInALoop() throws Exception {
        long setup0 = System.nanoTime();
        List<String> trained = trainModels(MODELS);
        System.out.printf(Locale.ROOT, "soak: %d trained models in %.1f s%n", trained.size(), (System.nanoTime() - setup0) / 1e9);

        List<String> modules = processes.modules();
        Map<String, HeapAfterGc> heaps = new LinkedHashMap<>();
        Map<String, LogErrors> logs = new LinkedHashMap<>();
        for (String module : modules) {
            heaps.put(module, HeapAfterGc.attach(processes.pid(module).orElseThrow()));
            logs.put(module, new LogErrors(processes.logFile(module)));
            logs.get(module).readNew(); // errors during start-up and set-up count too: read now, reported at the end
        }
        String kafka = mode.infrastructure().kafkaBootstrapServers();
        List<Sample> samples = new ArrayList<>();
        Rounds rounds = new Rounds(trained);
        try (ConsumerLag lag = new ConsumerLag(kafka); BarClock clock = new BarClock(kafka, "market.bars.5m")) {
            rounds.clock = clock;
            rounds.lag = lag;
            Thread loop = new Thread(rounds, "soak-rounds");
            Instant start = Instant.now();
            Instant previous = start;
            Counters before = counters();
            loop.start();
            for (int minute = 1; minute <= MINUTES * 60 / SAMPLE_SECONDS; minute++) {
                Instant due = start.plusSeconds((long) minute * SAMPLE_SECONDS);
                Map<String, Long> maxLag = new TreeMap<>();
                while (Instant.now().isBefore(due)) {
                    lag.perGroup().forEach((g, l) -> maxLag.merge(g, l, Math::max));
                    long wait = Math.min(LAG_EVERY.toMillis(), Duration.between(Instant.now(), due).toMillis());
                    if (wait > 0) {
                        Thread.sleep(wait); // the sampling period itself, not a wait for a condition
                    }
                    if (!rounds.failure.isEmpty()) {
                        break;
                    }
                }
                Instant now = Instant.now();
                lag.perGroup().forEach((g, l) -> maxLag.merge(g, l, Math::max));
                Map<String, Double> heapMb = new LinkedHashMap<>();
                heaps.forEach((m, h) -> heapMb.put(m, h.collectAndMeasure() / 1048576.0));
                long errors = 0;
                for (LogErrors l : logs.values()) {
                    errors += l.readNew();
                }
                Counters after = counters();
                Latencies latency = latencies(previous, now, clock);
                Sample s = new Sample(Duration.between(start, now).toSeconds() / 60.0, rounds.completed.get(),
                        after.bars - before.bars, after.taken - before.taken, latency.alerts(), latency.p50(),
                        latency.p99(), latency.unmatched(), after.paperDone - before.paperDone, after.expired - before.expired, heapMb,
                        maxLag, errors);
                samples.add(s);
                System.out.println("soak: " + s.line());
                previous = now;
                before = after;
                if (!rounds.failure.isEmpty()) {
                    break; // the report still shows what was measured
                }
            }
            rounds.stop = true;
            loop.join(Duration.ofMinutes(20).toMillis());
            assertThat(loop.isAlive()).as("the last round ended").isFalse();
            if (rounds.failure.isEmpty()) {
                // after the last replay, every group that reads bars reads to the end, within 5 minutes
                long t0 = System.nanoTime();
                Map<String, Long> left = lag.perGroup();
                while (LAG_COLUMNS.stream().anyMatch(g -> left.getOrDefault(g, 0L) > 0)
                        && System.nanoTime() - t0 < Duration.ofMinutes(5).toNanos()) {
                    Thread.sleep(2_000); // polling the lag; Awaitility would throw away the last reading
                    left.clear();
                    left.putAll(lag.perGroup());
                }
                rounds.drained = left;
                rounds.drainSeconds = (System.nanoTime() - t0) / 1e9;
            }
        } finally {
            heaps.values().forEach(HeapAfterGc::close);
        }
        for (LogErrors l : logs.values()) {
            l.readNew();
        }
        String report = report(samples, rounds, logs);
        Path file = Path.of("target", "soak-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println(report);
        System.out.println("soak: report written to " + file.toAbsolutePath());

        assertThat(rounds.failure).as("the rounds").isEmpty();
        assertThat(processes.deaths()).as("services that died").isEmpty();
        assertThat(rounds.completed.get()).as("replays played to the end").isPositive();
        Map<String, List<String>> errorLines = new LinkedHashMap<>();
        logs.forEach((m, l) -> {
            if (l.errors() > 0) {
                errorLines.put(m + " (" + l.errors() + ")", l.firstErrors());
            }
        });
        // every rule is checked and every broken one listed
        org.assertj.core.api.SoftAssertions rules = new org.assertj.core.api.SoftAssertions();
        rules.assertThat(errorLines).as("ERROR lines in the services' logs").isEmpty();
        int warmUp = warmUp(samples.size());
        for (String module : modules) {
            Flatness.Thirds heap = Flatness.thirds(column(samples, s -> s.heapMb().get(module)), warmUp);
            rules.assertThat(heap.flat(HEAP_FACTOR, HEAP_ALLOWANCE_MB)).as("%s heap after GC (MB): %s", module, heap).isTrue();
        }
        for (String group : LAG_COLUMNS) {
            Flatness.Thirds l = Flatness.thirds(column(samples, s -> (double) s.lag().getOrDefault(group, 0L)), warmUp);
            rules.assertThat(l.flat(LAG_FACTOR, LAG_ALLOWANCE)).as("%s lag (records): %s", group, l).isTrue();
            rules.assertThat(rounds.drained == null ? -1L : rounds.drained.getOrDefault(group, 0L)).as("%s lag 5 minutes after the last round", group)
                    .isZero();
        }
        Flatness.Thirds p99 = Flatness.thirds(column(samples, Sample::p99), warmUp);
        rules.assertThat(p99.flat(P99_FACTOR, P99_ALLOWANCE_MS)).as("p99 alert latency (ms): %s", p99).isTrue();
        rules.assertThat(samples.stream().mapToLong(Sample::alerts).sum()).as("alerts measured").isPositive();
        // an alert whose delivery row expires never reaches its paper account: paper is then not the backtest
        rules.assertThat(samples.stream().mapToLong(Sample::expired).sum()).as("delivery rows expired undelivered").isZero();
        rules.assertAll();
    }

    /** Samples dropped before the thirds are cut: the first tenth (JIT, caches, the first round's model builds). */
    static int warmUp(int samples) {
        return samples / 10;
    }

    // --- the rounds: one replay each, paused until its publications are followed ---

    private static final class Rounds implements Runnable {

        final List<String> trained;
        final AtomicInteger completed = new AtomicInteger();
        final List<Throwable> failure = new CopyOnWriteArrayList<>();
        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile boolean stop;
        volatile BarClock clock;
        volatile ConsumerLag lag;
        volatile Map<String, Long> drained;
        volatile double drainSeconds;
        private List<String> active = List.of();
        /** Replays whose rounds ended, and when: their bars are forgotten three samples later. */
        private final java.util.ArrayDeque<Map.Entry<String, Instant>> ended = new java.util.ArrayDeque<>();

        Rounds(List<String> trained) {
            this.trained = trained;
        }

        @Override
        public void run() {
            try {
                for (int round = 1; !stop; round++) {
                    round(round);
                }
            } catch (Throwable e) {
                failure.add(e);
                e.printStackTrace();
            }
        }

        private void round(int round) throws SQLException, InterruptedException {
            long t0 = System.nanoTime();
            JsonNode replay = create("/api/replays", Map.of("tickers", List.of("SPY"), "timeframes", List.of("1m", "5m"),
                    "from", "2011-01-03", "to", "2011-03-31", "speed", "max", "extended", true, "paused", true), 201);
            String id = replay.get("id").asString();
            assertThat(replay.get("status").asString()).isEqualTo("paused");
            for (String pub : active) {
                create("/api/published-models/" + pub + "/retire", Map.of("reason", "soak: next round"), 200);
            }
            List<String> published = new ArrayList<>();
            int paper = 0;
            for (int i = 0; i < trained.size(); i++) {
                boolean paperFirst = i % 2 == 0;
                paper += paperFirst ? 1 : 0;
                published.add(publish(trained.get(i), i, round, id, paperFirst));
            }
            active = published;
            long publishedNanos = System.nanoTime();
            int paperAccounts = paper;
            Awaitility.await("alert-service follows round " + round + "'s models").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250)).until(() -> count("select count(*) from alert.publications"
                            + " where feed = ? and status in ('paper_trading', 'alerting')", id) == trained.size());
            Awaitility.await("sim-service has round " + round + "'s paper accounts").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count("select count(*) from sim.accounts where feed = ?", id) == paperAccounts);
            long followed = System.nanoTime();
            assertThat(post("/api/replays/" + id + "/resume", Map.of()).status()).isEqualTo(200);
            JsonNode done = awaitJson("/api/replays/" + id, b -> !"running".equals(b.path("status").asString()),
                    Duration.ofMinutes(15));
            assertThat(done.get("status").asString()).as("replay %s: %s", id, done).isEqualTo("completed");
            long played = System.nanoTime();
            long events = done.get("total").asLong();
            // the round ends when alert-service has read every record so far (the replay's bars included)
            Awaitility.await("alert-service reads round " + round + "'s bars").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> lag.perGroup().getOrDefault("alert-service", -1L) == 0);
            long taken = System.nanoTime();
            // every paper period ends within the replay (40 sessions at most of its 43): give their completions
            // (settling, reconciliation, recommendation) up to PAPER_WAIT before the next round retires the
            // publications, and count them; a period still waiting for alerts then stops unfinished
            long complete = 0;
            long waitUntil = System.nanoTime() + PAPER_WAIT.toNanos();
            while ((complete = count("select count(*) from sim.accounts where feed = ? and status = 'complete'", id))
                    < paperAccounts && System.nanoTime() < waitUntil) {
                Thread.sleep(500); // polling sim-service's progress; not reaching it is a figure, not a failure
            }
            long settled = System.nanoTime();
            ended.addLast(Map.entry(id, Instant.now()));
            while (!ended.isEmpty() && ended.peekFirst().getValue()
                    .isBefore(Instant.now().minusSeconds(3L * SAMPLE_SECONDS))) {
                clock.forget(ended.removeFirst().getKey()); // its alerts were measured in an earlier sample
            }
            completed.incrementAndGet();
            String line = String.format(Locale.ROOT, "round %d: replay %s, %d events; publish %.1f s, followed %.1f s,"
                            + " played %.1f s, read by alert-service %.1f s later; %d of %d paper periods complete %.1f s later",
                    round, id, events, (publishedNanos - t0) / 1e9, (followed - publishedNanos) / 1e9,
                    (played - followed) / 1e9, (taken - played) / 1e9, complete, paperAccounts, (settled - taken) / 1e9);
            lines.add(line);
            System.out.println("soak: " + line);
        }

        /** Publication {@code i} of a round: settings vary with {@code i} where the API lets them. */
        private static String publish(String trainedModel, int i, int round, String replay, boolean paperFirst) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("name", "soak " + round + "." + i);
            settings.put("description", "soak round " + round);
            settings.put("alert_frequency", "5_minutes");
            settings.put("max_alerts_per_day", List.of(1, 2, 3, 5, 10).get(i % 5));
            settings.put("paper_trade_first", paperFirst);
            if (paperFirst) {
                settings.put("paper_trade_duration_days", List.of(5, 10, 20, 40).get((i / 2) % 4));
                if (i % 4 == 0) {
                    settings.put("recommendation_rules", PlatformEndToEndTest.LENIENT_RULES);
                }
            }
            JsonNode published = create("/api/published-models", Map.of("trained_model_id", trainedModel,
                    "publish_settings", settings, "paper_equity", List.of(25_000, 50_000, 100_000).get(i % 3),
                    "feed", Map.of("replay_id", replay)), 201);
            return published.get("published_model").get("id").asString();
        }
    }

    // --- set-up: one model, one sweep, as many trained models as publications ---

    /** Trains {@code n} models: the sweep's combinations, each trained as often as needed (each job its own model). */
    private static List<String> trainModels(int n) {
        String model = "soak_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> create = JSON.readValue(resource("/seed/create-model-request.json"), MAP);
        create.put("model_id", model);
        create.put("timeframe", "5m");
        create.remove("selected_indicators");
        create.remove("selected_features");
        create.put("parameter_overrides", Map.of("stop_loss_pct", 0.4, "take_profit_pct", 0.6, "time_stop_days", 2));
        create("/api/models", create, 201);
        JsonNode sweep = create("/api/sweeps", Map.of("model_id", model, "sweep_type", "custom",
                "date_range", Map.of("start", "2011-01-03", "end", "2011-01-31"), "parameters", SWEEP_PARAMETERS), 201);
        String sweepId = sweep.get("sweep_id").asString();
        awaitJson("/api/sweeps/" + sweepId, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(10));
        List<Integer> combos = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        List<String> jobs = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        while (trained.size() < n) {
            List<Map<String, Object>> selected = new ArrayList<>();
            for (int c : combos.subList(0, Math.min(combos.size(), n - trained.size()))) {
                selected.add(Map.of("combo_id", c, "rank", c));
            }
            Response r = post("/api/training/jobs", Map.of("model_id", model, "sweep_id", sweepId,
                    "selected_configs", selected,
                    "training_params", Map.of("algorithm", "xgboost", "validation_method", "time_series_split",
                            "test_size", 0.2, "calibration", "none"),
                    "hyperparameters", Map.of("n_estimators", 20, "max_depth", 3, "learning_rate", 0.1)));
            if (r.status() == 400) {
                // a combination with too few samples of a class is refused by name: leave it out
                List<Integer> refused = new ArrayList<>();
                for (JsonNode error : r.json().path("errors")) {
                    var m = java.util.regex.Pattern.compile("^selected_configs\\[(\\d+)]").matcher(error.path("field").asString(""));
                    if (m.find()) {
                        refused.add(combos.get(Integer.parseInt(m.group(1))));
                    }
                }
                assertThat(refused).as("training refused: %s", r.body()).isNotEmpty();
                System.out.println("soak: combinations left out of training: " + refused + " (" + r.body() + ")");
                combos.removeAll(refused);
                assertThat(combos).as("combinations left to train").isNotEmpty();
                continue;
            }
            assertThat(r.status()).as("POST /api/training/jobs: %s", r.body()).isEqualTo(202);
            for (JsonNode job : r.json().get("jobs")) {
                jobs.add(job.get("job_id").asString());
                trained.add(job.get("trained_model_id").asString());
            }
        }
        for (String job : jobs) {
            awaitJson("/api/training/jobs/" + job, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(20));
        }
        return trained;
    }

    // --- what the database says ---

    private record Counters(long bars, long taken, long paperDone, long expired) {
    }

    /** Bars the replays sent, bars alert-service took (per stream), paper periods completed: totals so far. */
    private static Counters counters() throws SQLException {
        return new Counters(count("select coalesce(sum(position), 0) from marketdata.replay"),
                count("select coalesce(sum(bars), 0) from alert.streams"),
                count("select count(*) from sim.accounts where status = 'complete'"),
                count("select count(*) from alert.deliveries where status = 'expired'"));
    }

    private record Latencies(long alerts, double p50, double p99, long unmatched) {
    }

    /** Alerts stored in [from, to): stored time − the publication of their bar, in ms. */
    private static Latencies latencies(Instant from, Instant to, BarClock clock) throws SQLException {
        List<Long> ms = new ArrayList<>();
        long unmatched = 0;
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("select a.created_at, a.bar_time, p.feed"
                + " from alert.alerts a join alert.publications p on p.id = a.publication_id"
                + " where a.created_at >= ? and a.created_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OptionalLong published = clock.publishedAt(rs.getString(3), rs.getTimestamp(2).getTime());
                    if (published.isPresent()) {
                        ms.add(rs.getTimestamp(1).getTime() - published.getAsLong());
                    } else {
                        unmatched++;
                    }
                }
            }
        }
        long[] values = ms.stream().mapToLong(Long::longValue).toArray();
        return new Latencies(values.length + unmatched, Flatness.percentile(values, 50), Flatness.percentile(values, 99),
                unmatched);
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(mode.infrastructure().jdbcUrl("public"), LocalInfrastructure.USER,
                LocalInfrastructure.PASSWORD);
    }

    // --- the report ---

    /** One sample: the minute's figures. */
    record Sample(double minutes, int rounds, long bars, long taken, long alerts, double p50, double p99, long unmatched,
                  long paperDone, long expired, Map<String, Double> heapMb, Map<String, Long> lag, long errors) {

        String line() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%5.1f min | rounds %3d | bars %7d | taken %6d"
                    + " | alerts %6d | p50 %7.0f ms | p99 %7.0f ms | paper done %4d | expired %5d | heap MB", minutes, rounds,
                    bars, taken, alerts, p50, p99, paperDone, expired));
            heapMb.forEach((m, mb) -> b.append(String.format(Locale.ROOT, " %s %.0f", shortName(m), mb)));
            b.append(" | lag");
            LAG_COLUMNS.forEach(g -> b.append(' ').append(shortName(g)).append(' ').append(lag.getOrDefault(g, 0L)));
            return b.append(" | errors ").append(errors).toString();
        }
    }

    static String shortName(String module) {
        return module.replace("-service", "");
    }

    private static List<Double> column(List<Sample> samples, java.util.function.Function<Sample, Double> f) {
        return samples.stream().map(f).toList();
    }

    private static String report(List<Sample> samples, Rounds rounds, Map<String, LogErrors> logs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# Soak report%n%n%s UTC; %d min sampled every %d s; %d published models"
                        + " (half paper trading); service JVMs: %s; %d rounds (replays played to the end).%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), MINUTES, SAMPLE_SECONDS, MODELS,
                System.getenv().getOrDefault(ServiceProcesses.JAVA_OPTS_ENV, ServiceProcesses.DEFAULT_JAVA_OPTS),
                rounds.completed.get()));
        List<String> modules = samples.isEmpty() ? List.of() : List.copyOf(samples.get(0).heapMb().keySet());
        b.append("| min | rounds | bars sent | bars taken (alert) | alerts | p50 ms | p99 ms | paper done | deliveries expired |");
        modules.forEach(m -> b.append(' ').append(shortName(m)).append(" MB |"));
        LAG_COLUMNS.forEach(g -> b.append(" lag ").append(shortName(g)).append(" |"));
        b.append(" errors |\n|");
        b.append(" --- |".repeat(9 + modules.size() + LAG_COLUMNS.size() + 1)).append('\n');
        for (Sample s : samples) {
            b.append(String.format(Locale.ROOT, "| %.1f | %d | %d | %d | %d | %s | %s | %d | %d |", s.minutes(), s.rounds(),
                    s.bars(), s.taken(), s.alerts(), ms(s.p50()), ms(s.p99()), s.paperDone(), s.expired()));
            modules.forEach(m -> b.append(String.format(Locale.ROOT, " %.0f |", s.heapMb().get(m))));
            LAG_COLUMNS.forEach(g -> b.append(' ').append(s.lag().getOrDefault(g, 0L)).append(" |"));
            b.append(' ').append(s.errors()).append(" |\n");
        }
        int warmUp = warmUp(samples.size());
        b.append(String.format(Locale.ROOT, "%n## Flatness (first %d samples dropped as warm-up; medians of the first and"
                + " last thirds)%n%n", warmUp));
        for (String m : modules) {
            b.append("- heap ").append(m).append(" (MB): ").append(Flatness.thirds(column(samples, s -> s.heapMb().get(m)), warmUp))
                    .append(String.format(Locale.ROOT, "; rule: last ≤ first × %.1f + %.0f MB%n", HEAP_FACTOR, HEAP_ALLOWANCE_MB));
        }
        for (String g : LAG_COLUMNS) {
            b.append("- lag ").append(g).append(" (records, most in a minute): ")
                    .append(Flatness.thirds(column(samples, s -> (double) s.lag().getOrDefault(g, 0L)), warmUp))
                    .append(String.format(Locale.ROOT, "; rule: last ≤ first × %.1f + %.0f%n", LAG_FACTOR, LAG_ALLOWANCE));
        }
        b.append("- p99 alert latency (ms): ").append(Flatness.thirds(column(samples, Sample::p99), warmUp))
                .append(String.format(Locale.ROOT, "; rule: last ≤ first × %.1f + %.0f ms%n", P99_FACTOR, P99_ALLOWANCE_MS));
        b.append("- p50 alert latency (ms): ").append(Flatness.thirds(column(samples, Sample::p50), warmUp)).append('\n');
        long unmatched = samples.stream().mapToLong(Sample::unmatched).sum();
        b.append(String.format(Locale.ROOT, "- alerts: %d, of which %d without a bar read (not in the percentiles)%n",
                samples.stream().mapToLong(Sample::alerts).sum(), unmatched));
        Map<String, Long> allLag = new TreeMap<>();
        samples.forEach(s -> s.lag().forEach((g, l) -> allLag.merge(g, l, Math::max)));
        b.append("- most lag seen per group: ").append(allLag).append('\n');
        b.append(String.format(Locale.ROOT, "- lag %.0f s after the last round: %s%n", rounds.drainSeconds, rounds.drained));
        b.append("\n## Rounds\n\n");
        rounds.lines.forEach(l -> b.append("- ").append(l).append('\n'));
        b.append("\n## Errors in the logs\n\n");
        logs.forEach((m, l) -> {
            b.append("- ").append(m).append(": ").append(l.errors()).append('\n');
            l.firstErrors().forEach(e -> b.append("  - `").append(e.replace('`', '\'')).append("`\n"));
        });
        return b.toString();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    // --- HTTP, through the gateway ---

    private record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static JsonNode create(String path, Object body, int expected) {
        Response r = post(path, body);
        assertThat(r.status()).as("POST %s: %s", path, r.body()).isEqualTo(expected);
        return r.json();
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> done, Duration timeout) {
        return Awaitility.await("GET " + path).atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(path), r -> r.status() == 200 && done.test(r.json())).json();
    }

    private static String login() {
        Response login = send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", LocalMode.DEMO_USERNAME, "password", LocalMode.DEMO_PASSWORD)))));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access_token").asString();
    }

    /** A GET; a token that expired during the run (401) is renewed once. */
    private static Response get(String path) {
        Response r = send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
        if (r.status() == 401) {
            token = login();
            r = get(path);
        }
        return r;
    }

    /** A POST; a token that expired during the run (401, nothing done) is renewed once. */
    private static Response post(String path, Object body) {
        Response r = postOnce(path, body);
        if (r.status() == 401) {
            token = login();
            r = postOnce(path, body);
        }
        return r;
    }

    private static Response postOnce(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
