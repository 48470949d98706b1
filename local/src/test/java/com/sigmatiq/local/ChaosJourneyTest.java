package com.sigmatiq.local;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import static com.sigmatiq.local.JourneyFiles.repositoryRoot;
import static com.sigmatiq.local.JourneyFiles.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's journey while services die: local mode with {@code --processes} (each service in its own JVM, PostgreSQL
 * and Kafka in this one), driven only through the gateway, while a chaos thread kills a random service with SIGKILL
 * at random moments (seeded, logged) and starts it again; besides, right after the sweep, the training, the
 * publication and the live approval are accepted, the worker doing that step (or, 3 times in 10, a random service) is
 * killed 0–1.5 s later; and once per round while the replay runs PostgreSQL is restarted (every connection dropped)
 * and, later, the Kafka broker (same port and log folder). The journey: a custom sweep, training of its combination,
 * publishing the trained model attached to a replay, alerts, the paper period to its recommendation, then live: an
 * account at local mode's broker, the approval, and the replay's further alerts turned into orders there. Before the
 * chaos, the same sweep and training of an identical model run uninterrupted: the reference.
 *
 * <p>Invariants, each a failing assertion: every sweep result stored once and equal to the reference's; one result per
 * training job with the reference's booster, byte for byte; each alert stored once (one per bar and action); every
 * alert received by sim-service once; paper trades equal to sim-service's backtest of the period (its reconciliation:
 * no missing, extra or differing trade); every live alert decided by pilot-service (an order or a refusal, never both)
 * and at most one order; each client order id once in the broker's book, each one of pilot-service's orders, every
 * order pilot-service sent known there, at least one filled; pilot-service's positions equal to the broker's fills;
 * a reconciliation after the replay's end that finds no difference; no incomplete publication in any schema's outbox;
 * no service died but those killed.
 *
 * <p>Kills happen between the journey's create requests, never during one: a client whose POST fails cannot know
 * whether it was stored (the platform has no idempotency keys yet), so a retry could create twice. The reads the
 * journey waits on are retried through any failure.
 *
 * <p>Run on demand, {@code -Dchaos=true}: one round with at least {@value #SHORT_KILLS} kills (about 18 minutes here,
 * the replay played to its end for the live step; more than the normal build allows; docs/operations.md "Chaos"). {@code -Dchaos.full=true} runs rounds until at least
 * {@value #FULL_KILLS} kills have happened; {@code -Dchaos.seed=N} repeats a run's schedule of services and moments
 * (the seed is printed); {@code -Dchaos.postgres=false} and {@code -Dchaos.kafka=false} leave out the restarts.
 * Command (the build of every service first):
 * <pre>
 * ./mvnw -q -B -ntp -pl local -am package -DskipTests
 * flock /tmp/sigmatiq-long-run.lock ./mvnw -q -B -ntp -pl local test -Dtest=ChaosJourneyTest -Dchaos=true [-Dchaos.full=true]
 * </pre>
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "chaos", matches = "true",
        disabledReason = "on demand (-Dchaos=true): a long run")
class ChaosJourneyTest {

    static final int SHORT_KILLS = 3;
    static final int FULL_KILLS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final boolean FULL = Boolean.getBoolean("chaos.full");
    /** Restart PostgreSQL once per round while the replay runs; on unless {@code -Dchaos.postgres=false}. */
    private static final boolean POSTGRES = !"false".equals(System.getProperty("chaos.postgres"));
    /** Restart the Kafka broker once per round while the replay runs; on unless {@code -Dchaos.kafka=false}. */
    private static final boolean KAFKA = !"false".equals(System.getProperty("chaos.kafka"));
    private static final long SEED = Long.getLong("chaos.seed", System.nanoTime());
    private static final Map<String, Object> SWEEP_PARAMETERS = Map.of("thresholds", List.of(0.5, 0.55, 0.6, 0.65),
            "allowed_hours", List.of("all_day"), "position_size_pct", List.of(10, 20));
    /** Orders pilot-service has handed over or may have: the broker must know them, or will by the next lookup. */
    private static final Set<String> UNSENT_STATES = Set.of("pending_new", "expired");
    private static final int SWEEP_COMBINATIONS = 8;
    private static final String[] OUTBOX_SCHEMAS = {"identity", "pack", "model", "marketdata", "sweep", "training",
            "alert", "sim", "pilot"};

    @TempDir
    static Path data;

    private static LocalMode mode;
    private static ServiceProcesses processes;
    private static String gateway;
    private static volatile String token;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Held (shared) by the journey during a create request; held (exclusive) by the chaos thread for a kill. */
    private static final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

    @BeforeAll
    static void startThePlatformWithEachServiceInItsOwnJvm() {
        System.out.println("chaos: seed " + SEED + " (rerun with -Dchaos.seed=" + SEED + "), "
                + (FULL ? "full" : "short") + " run");
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
        assertThat(processes.modules()).containsExactlyElementsOf(services.stream().map(LocalService::module).toList());
        assertThat(mode.running()).as("no service in this JVM").isEmpty();
        System.out.printf("chaos: %d service JVMs up in %.1f s%n", services.size(), (System.nanoTime() - t0) / 1e9);
        gateway = services.get(0).baseUrl();
        token = login();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (mode != null) {
            mode.close();
        }
        // the services' logs outlive the temporary folder, for the diagnosis of a failed run
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Path.of("target", "chaos-logs");
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("chaos: the services' logs are in " + kept.toAbsolutePath());
        }
    }

    @Test
    void theJourneyKeepsItsGuaranteesWhileServicesAreKilled() throws Exception {
        Reference reference = referenceRun();
        Chaos chaos = new Chaos(SEED);
        Thread monkey = new Thread(chaos, "chaos-monkey");
        int wanted = FULL ? FULL_KILLS : SHORT_KILLS;
        long t0 = System.nanoTime();
        monkey.start();
        int rounds = 0;
        try {
            do {
                rounds++;
                chaosRound(reference, rounds, chaos);
            } while (chaos.kills.size() < wanted && FULL);
            // the short run: the journey may end before the last kills; let them happen, then the invariants again
            Awaitility.await("at least " + wanted + " kills").atMost(Duration.ofMinutes(10))
                    .until(() -> chaos.kills.size() >= wanted);
        } finally {
            // not interrupted: a restart in progress is finished, then the thread ends
            chaos.stop.countDown();
            monkey.join(Duration.ofMinutes(5).toMillis());
        }
        assertThat(monkey.isAlive()).as("the chaos thread ended").isFalse();
        assertThat(chaos.failure).as("the chaos thread's restarts").isEmpty();
        // after the last restart, nothing is left in flight
        awaitOutboxesDelivered();
        System.out.printf("chaos: %d rounds, %d kills, %d PostgreSQL restarts, %d Kafka restarts in %.1f s: %s%n", rounds,
                chaos.kills.size(), chaos.postgresRestarts.size(), chaos.kafkaRestarts.size(),
                (System.nanoTime() - t0) / 1e9, chaos.kills);
        assertThat(processes.deaths()).as("services that died without being killed").isEmpty();
        assertThat(chaos.kills).hasSizeGreaterThanOrEqualTo(wanted);
        assertThat(chaos.postgresRestarts).hasSize(POSTGRES ? rounds : 0);
        assertThat(chaos.kafkaRestarts).hasSize(KAFKA ? rounds : 0);
    }

    // --- the reference: the same sweep and training, nobody killed ---

    private record Reference(List<List<Object>> sweepResults, String booster) {
    }

    private static Reference referenceRun() throws SQLException {
        String model = createModel("reference");
        String sweep = sweep(model, id -> { });
        List<List<Object>> results = sweepResults(sweep);
        String job = train(model, sweep, id -> { }).jobId();
        return new Reference(results, boosterSha(job));
    }

    // --- one round of the journey under chaos ---

    private static void chaosRound(Reference reference, int round, Chaos chaos) throws SQLException {
        chaos.phase = "round " + round + ": model";
        String model = createModel("chaos" + round);
        chaos.phase = "round " + round + ": sweep";
        String sweep = sweep(model, id -> chaos.strike("sweep-service", () -> "sweep " + sweepStatus(id)));
        chaos.phase = "round " + round + ": training";
        Trained trained = train(model, sweep, id -> chaos.strike("training-service", () -> "job " + jobStatus(id)));
        chaos.phase = "round " + round + ": replay, alerts, paper";
        Map<String, Object> replayRequest = Map.of("tickers", List.of("SPY"), "timeframes", List.of("5m"),
                "from", "2011-03-01", "to", "2011-03-31", "speed", "3000x", "extended", true);
        JsonNode replay = create("/api/replays", replayRequest, 201);
        String replayId = replay.get("id").asString();
        try {
            JsonNode published = create("/api/published-models", Map.of("trained_model_id", trained.trainedModelId(),
                    "publish_settings", Map.of("name", "SPY chaos " + round, "description", "chaos journey",
                            "alert_frequency", "5_minutes", "max_alerts_per_day", 3, "paper_trade_first", true,
                            "paper_trade_duration_days", 3,
                            // lenient enough that three sessions can recommend live trading: the journey goes live
                            "recommendation_rules", PlatformEndToEndTest.LENIENT_RULES),
                    "feed", Map.of("replay_id", replayId)), 201);
            String pub = published.get("published_model").get("id").asString();
            chaos.strike(List.of("alert-service", "sim-service", "market-data-service").get(chaos.strikes.nextInt(3)),
                    () -> count("select coalesce(sum(bars), 0) from alert.evaluation_blocks where publication_id = ?", pub) + " bars evaluated");
            if (POSTGRES) {
                chaos.restartPostgres(); // while the replay runs: every service loses its connections at once
            }
            JsonNode accounts = awaitJson("/api/sim/accounts?published_model_id=" + pub,
                    b -> b.path("accounts").size() == 1, Duration.ofMinutes(5));
            String account = accounts.get("accounts").get(0).get("account_id").asString();
            if (KAFKA) {
                chaos.restartKafka(); // while the replay runs and the paper period trades: every client reconnects
            }
            JsonNode performance = awaitJson("/api/sim/accounts/" + account + "/performance",
                    b -> "complete".equals(b.path("status").asString()), Duration.ofMinutes(15));
            chaos.phase = "round " + round + ": invariants";

            // sweep: every result once, equal to the uninterrupted run
            assertThat(sweepResults(sweep)).as("round %d: the sweep's results, against the reference", round)
                    .isEqualTo(reference.sweepResults());
            assertThat(count("select count(*) - count(distinct combo_id) from sweep.sweep_results where sweep_id = ?::uuid",
                    sweep)).isZero();
            // training: one result per job, the reference's booster
            assertThat(count("select count(*) from training.training_results where job_id = ?::uuid", trained.jobId()))
                    .as("round %d: results of job %s", round, trained.jobId()).isEqualTo(1);
            assertThat(boosterSha(trained.jobId())).as("round %d: booster.ubj against the reference", round)
                    .isEqualTo(reference.booster());
            // alerts: each once, each received by the simulator once, paper = backtest
            assertThat(count("select count(*) - count(distinct (bar_time, action)) from alert.alerts"
                    + " where publication_id = ?", pub)).as("round %d: alerts per bar and action", round).isZero();
            Set<String> alerts = strings("select alert_id from alert.alerts where publication_id = ?", pub);
            assertThat(alerts).as("round %d: alerts", round).isNotEmpty();
            Awaitility.await("the simulator has every alert").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> strings("select alert_id from sim.alerts where published_id = ?", pub)
                            .containsAll(alerts));
            assertThat(strings("select alert_id from sim.alerts where published_id = ?", pub))
                    .as("round %d: alerts at the simulator", round).isEqualTo(alerts);
            JsonNode reconciliation = performance.get("reconciliation");
            assertThat(reconciliation.get("mismatches").asInt())
                    .as("round %d: %s; kills: %s", round, reconciliation, chaos.kills).isZero();
            assertThat(reconciliation.get("paper_trades").asInt()).as("round %d: %s", round, reconciliation)
                    .isEqualTo(reconciliation.get("backtest_trades").asInt()).isPositive();
            System.out.printf("chaos: round %d held: %d sweep results, booster %s, %d alerts, %d paper trades = backtest,"
                    + " %d kills so far%n", round, reference.sweepResults().size(), reference.booster().substring(0, 12),
                    alerts.size(), reconciliation.get("paper_trades").asInt(), chaos.kills.size());
            assertThat(performance.get("recommendation").asString()).as("round %d: %s", round, performance)
                    .isEqualTo("APPROVE_FOR_LIVE_TRADING");

            chaos.phase = "round " + round + ": live";
            goLiveAtTheLocalBroker(round, pub, replayId, chaos);
        } finally {
            retry(() -> post("/api/replays/" + replayId + "/cancel", Map.of()));
        }
    }

    // --- the journey's steps, through the gateway ---

    private static String createModel(String name) {
        String model = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> create = JSON.readValue(resource("/seed/create-model-request.json"), MAP);
        create.put("model_id", model);
        create.put("timeframe", "5m");
        create.remove("selected_indicators");
        create.remove("selected_features");
        create.put("parameter_overrides", Map.of("stop_loss_pct", 0.4, "take_profit_pct", 0.6, "time_stop_days", 2));
        create("/api/models", create, 201);
        return model;
    }

    /** A custom sweep; {@code afterPost} runs once it is accepted, while it runs. */
    private static String sweep(String model, java.util.function.Consumer<String> afterPost) {
        JsonNode sweep = create("/api/sweeps", Map.of("model_id", model, "sweep_type", "custom",
                "date_range", Map.of("start", "2011-01-03", "end", "2011-01-31"), "parameters", SWEEP_PARAMETERS), 201);
        String id = sweep.get("sweep_id").asString();
        afterPost.accept(id);
        awaitJson("/api/sweeps/" + id, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(10));
        return id;
    }

    private record Trained(String jobId, String trainedModelId) {
    }

    private static Trained train(String model, String sweep, java.util.function.Consumer<String> afterPost) {
        JsonNode training = create("/api/training/jobs", Map.of("model_id", model, "sweep_id", sweep,
                "selected_configs", List.of(Map.of("combo_id", 1, "rank", 1, "config", Map.of("threshold", 0.5))),
                "training_params", Map.of("algorithm", "xgboost", "validation_method", "time_series_split",
                        "test_size", 0.2, "calibration", "none"),
                "hyperparameters", Map.of("n_estimators", 40, "max_depth", 4, "learning_rate", 0.1)), 202);
        JsonNode job = training.get("jobs").get(0);
        String id = job.get("job_id").asString();
        afterPost.accept(id);
        awaitJson("/api/training/jobs/" + id, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(10));
        awaitJson("/api/models/" + model, b -> "trained".equals(b.path("status").asString()), Duration.ofMinutes(5));
        return new Trained(id, job.get("trained_model_id").asString());
    }

    // --- the live step: a live account at the local broker, alerts turned into orders there while kills go on ---

    /**
     * Opens a live {@code fix} account at local mode's broker, approves the paper-validated publication for it (then
     * strikes pilot-service), waits for the publication to be live and the replay to end, then checks: every live
     * alert decided by pilot-service once (an order or a refusal, never both, never two orders); each client order id
     * once at the broker, each the alert id of one of pilot-service's orders, and every order pilot-service sent
     * known there; positions equal at both ends, read from the broker's own book; a reconciliation after the last
     * order that finds no difference.
     */
    private static void goLiveAtTheLocalBroker(int round, String pub, String replayId, Chaos chaos) throws SQLException {
        String brokerAccount = "CHAOS" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode account = create("/api/pilot/accounts", Map.of("broker", "fix", "account_id", brokerAccount,
                "credentials", Map.of("password", "local-broker-password"),
                "limits", Map.of("max_capital", 50_000, "max_position_size", 5_000, "max_open_positions", 3,
                        "daily_loss_limit", 1_000, "max_orders_per_minute", 10)), 201);
        String accountId = account.get("id").asString();
        String client = account.get("connection").get("sender_comp_id").asString();
        Map<String, Object> approval = Map.of("model_id", pub, "paper_trading_complete", true,
                "paper_performance_acceptable", true, "user_approval", true,
                "live_settings", Map.of("broker", "fix", "account_id", brokerAccount, "max_capital", 20_000,
                        "max_position_size", 5_000, "enable_sigma_pilot", true),
                "go_live_date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        writes.readLock().lock();
        try {
            // pilot-service hears the paper recommendation on its own (paper.events): until then "nothing yet"
            Response approved = patiently("POST /api/pilot/approvals", Duration.ofMinutes(3)).until(
                    () -> post("/api/pilot/approvals", approval),
                    r -> r.status() < 500 && !(r.status() == 400 && r.body().contains("nothing yet")));
            assertThat(approved.status()).as("round %d: the approval: %s", round, approved.body()).isEqualTo(201);
        } finally {
            writes.readLock().unlock();
        }
        chaos.strike("pilot-service", () -> "account " + jsonOrError("/api/pilot/accounts/" + accountId,
                "connection_state"));
        awaitJson("/api/published-models/" + pub, b -> "live".equals(b.path("status").asString()), Duration.ofMinutes(5));
        awaitJson("/api/replays/" + replayId, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(20));

        // every live alert has left alert-service and been decided by pilot-service
        Awaitility.await("round " + round + ": every live alert delivered and decided").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(strings("select d.alert_id from alert.deliveries d join alert.alerts a using (alert_id)"
                            + " where a.publication_id = ? and d.destination = 'sigma_pilot'"
                            + " and d.status in ('pending', 'retrying')", pub)).as("live alerts not yet delivered").isEmpty();
                    Set<String> sent = strings("select d.alert_id from alert.deliveries d join alert.alerts a"
                            + " using (alert_id) where a.publication_id = ? and d.destination = 'sigma_pilot'"
                            + " and d.status = 'sent'", pub);
                    Set<String> decided = new HashSet<>(strings("select alert_id from pilot.live_order where account_id = ?",
                            accountId));
                    decided.addAll(strings("select alert_id from pilot.refusal where published_id = ?", pub));
                    assertThat(decided).as("live alerts decided by pilot-service").containsAll(sent);
                });
        Set<String> liveAlerts = strings("select d.alert_id from alert.deliveries d join alert.alerts a using (alert_id)"
                + " where a.publication_id = ? and d.destination = 'sigma_pilot'", pub);
        assertThat(liveAlerts).as("round %d: live alerts", round).isNotEmpty();

        // every order settled: the periodic round (every minute) has looked up each pending_new or sent order at the
        // broker and taken its state there, sent it if unknown there and still valid, or expired it
        JsonNode orders = awaitJson("/api/pilot/orders?account_id=" + accountId, b -> {
            for (JsonNode o : b.path("orders")) {
                if (Set.of("pending_new", "sent").contains(o.path("state").asString())) {
                    return false;
                }
            }
            return true;
        }, Duration.ofMinutes(4)).get("orders");

        // every live alert at most one order (pilot-service's API), never both an order and a refusal
        List<String> orderAlerts = new ArrayList<>();
        Map<String, String> brokerOrderIds = new LinkedHashMap<>();
        Set<String> sentOrders = new HashSet<>();
        int filled = 0;
        for (JsonNode o : orders) {
            String alert = o.get("alert_id").asString();
            orderAlerts.add(alert);
            if (!UNSENT_STATES.contains(o.path("state").asString())) {
                sentOrders.add(alert);
            }
            if (o.hasNonNull("broker_order_id")) {
                brokerOrderIds.put(alert, o.get("broker_order_id").asString());
            }
            if ("filled".equals(o.path("state").asString())) {
                filled++;
            }
        }
        assertThat(orderAlerts).as("round %d: orders per alert", round).doesNotHaveDuplicates();
        assertThat(liveAlerts).as("round %d: every order is a live alert's", round).containsAll(orderAlerts);
        Set<String> refused = new HashSet<>();
        jsonOrFail("/api/pilot/accounts/" + accountId + "/refusals").path("refusals")
                .forEach(r -> refused.add(r.get("alert_id").asString()));
        assertThat(refused).as("round %d: alerts both refused and ordered", round).doesNotContainAnyElementsOf(orderAlerts);
        assertThat(filled).as("round %d: orders filled at the local broker: %s", round, orders).isPositive();

        // the broker's side: its own book of this client's orders, one row per client order id received
        Map<String, String> atBroker = new LinkedHashMap<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "select cl_ord_id, order_id from localbroker.broker_order where client_comp_id = ?")) {
            s.setString(1, client);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(atBroker.put(rs.getString(1), rs.getString(2)))
                            .as("round %d: client order id %s twice at the broker", round, rs.getString(1)).isNull();
                }
            }
        }
        assertThat(orderAlerts).as("round %d: client order ids at the broker are pilot-service's orders' alert ids", round)
                .containsAll(atBroker.keySet());
        assertThat(atBroker.keySet()).as("round %d: every order pilot-service sent is at the broker", round)
                .containsAll(sentOrders);
        brokerOrderIds.forEach((alert, id) -> assertThat(atBroker.get(alert))
                .as("round %d: the broker's order id of %s", round, alert).isEqualTo(id));

        // pilot-service's own reconciliation, after the end: the first one that finds nothing (a difference a kill left,
        // such as a fill reported while pilot-service was down, is repaired by the reconciliation that finds it)
        java.time.Instant settled = java.time.Instant.now();
        java.util.concurrent.atomic.AtomicReference<JsonNode> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            patiently("round " + round + ": a reconciliation without differences", Duration.ofMinutes(4)).until(() -> {
                Response r = get("/api/pilot/accounts/" + accountId + "/reconciliation");
                if (r.status() != 200) {
                    return false;
                }
                JsonNode b = r.json();
                if (!java.time.Instant.parse(b.path("at").asString()).isAfter(settled)) {
                    return false;
                }
                last.set(b);
                return b.path("differences").isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("round " + round + ": no reconciliation without differences after " + settled
                    + "; the last: " + last.get(), e);
        }
        JsonNode report = last.get();
        assertThat(report.get("positions_checked").asBoolean()).as("round %d: %s", round, report).isTrue();
        assertThat(report.get("broker_open_orders_checked").asBoolean()).as("round %d: %s", round, report).isTrue();

        // positions: pilot-service's against the broker's own book of fills
        Map<String, Long> brokerPositions = new java.util.TreeMap<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("select symbol,"
                + " sum(case side when 'buy' then filled_quantity else -filled_quantity end) from localbroker.broker_order"
                + " where client_comp_id = ? group by symbol")) {
            s.setString(1, client);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) != 0) {
                        brokerPositions.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        Map<String, Long> ourPositions = new java.util.TreeMap<>();
        jsonOrFail("/api/pilot/accounts/" + accountId).path("positions")
                .forEach(p -> ourPositions.put(p.get("ticker").asString(), p.get("quantity").asLong()));
        assertThat(ourPositions).as("round %d: pilot-service's positions against the broker's fills", round)
                .isEqualTo(brokerPositions);
        System.out.printf("chaos: round %d live held: %d live alerts, %d orders (%d filled), %d refusals,"
                + " %d client order ids at the broker, positions %s, reconciled at %s%n", round, liveAlerts.size(),
                orderAlerts.size(), filled, refused.size(), atBroker.size(), ourPositions, report.get("at").asString());
    }

    private static JsonNode jsonOrFail(String path) {
        return awaitJson(path, b -> true, Duration.ofMinutes(2));
    }

    private static String jsonOrError(String path, String field) {
        try {
            Response r = get(path);
            return r.status() == 200 ? r.json().path(field).asString() : "(" + r.status() + ")";
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    // --- the database, read directly (local mode's PostgreSQL runs in this JVM's care) ---

    /** Every stored result of the sweep, by combination, as the values the engine computed. */
    private static List<List<Object>> sweepResults(String sweep) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = database();
             PreparedStatement s = c.prepareStatement("select combo_id, total_return, annualized_return, sharpe,"
                     + " deflated_sharpe, sortino, max_drawdown, win_rate, profit_factor, total_trades, exposure,"
                     + " gate_pass, failed_checks from sweep.sweep_results where sweep_id = ?::uuid order by combo_id")) {
            s.setString(1, sweep);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        assertThat(rows).as("results of sweep %s", sweep).hasSize(SWEEP_COMBINATIONS);
        return rows;
    }

    private static String sweepStatus(String sweep) throws SQLException {
        return String.join(",", strings("select status || ' ' || done_combinations || '/' || total_combinations"
                + " from sweep.sweeps where id = ?::uuid", sweep));
    }

    private static String jobStatus(String job) throws SQLException {
        return String.join(",", strings("select status from training.training_jobs where id = ?::uuid", job));
    }

    private static String boosterSha(String job) throws SQLException {
        Set<String> sha = strings("select sha256 from training.training_artifacts where job_id = ?::uuid"
                + " and name = 'booster.ubj'", job);
        assertThat(sha).as("booster of job %s", job).hasSize(1);
        return sha.iterator().next();
    }

    /** Waits until no schema's outbox holds an incomplete publication. */
    private static void awaitOutboxesDelivered() {
        Awaitility.await("every outbox delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().untilAsserted(() -> {
                    Map<String, Long> incomplete = new LinkedHashMap<>();
                    int tables = 0;
                    for (String schema : OUTBOX_SCHEMAS) {
                        if (count("select count(*) from information_schema.tables where table_schema = ?"
                                + " and table_name = 'event_publication'", schema) == 0) {
                            continue;
                        }
                        tables++;
                        long n = count("select count(*) from " + schema + ".event_publication"
                                + " where completion_date is null and ? is not null", schema);
                        if (n > 0) {
                            incomplete.put(schema, n);
                        }
                    }
                    assertThat(tables).as("outbox tables found").isGreaterThanOrEqualTo(3);
                    assertThat(incomplete).as("incomplete publications per schema").isEmpty();
                });
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static Set<String> strings(String sql, String parameter) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(mode.infrastructure().jdbcUrl("public"), LocalInfrastructure.USER,
                LocalInfrastructure.PASSWORD);
    }

    // --- chaos ---

    /** A kill: which service, its pid, when (seconds after the chaos began) and during which step of the journey. */
    record Kill(String module, long pid, double at, String phase) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s(pid %d) at %.1f s in %s", module, pid, at, phase);
        }
    }

    /** What the platform was doing when a kill struck, read just before it. */
    @FunctionalInterface
    interface State {
        String read() throws Exception;
    }

    /**
     * In its own thread, kills a random service (SIGKILL) 3–15 s after the previous one is back, waits 0–3 s, starts
     * it again and waits until its port is open; besides, the journey {@link #strike strikes} right after each create
     * request, so the sweep, the training and the runtime are each hit while they work. Services and moments come
     * from the seed.
     */
    private static final class Chaos implements Runnable {

        final List<Kill> kills = new CopyOnWriteArrayList<>();
        final List<Throwable> failure = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        volatile String phase = "start";
        private final Random random;
        /** The journey's strikes have their own sequence: each of the two repeats with the seed. */
        final Random strikes;

        Chaos(long seed) {
            this.random = new Random(seed);
            this.strikes = new Random(seed + 1);
        }

        private final long t0 = System.nanoTime();

        @Override
        public void run() {
            List<String> modules = processes.modules();
            try {
                // the random moment (chaos, not a wait for a condition), cut short when the journey is done
                while (!stop.await(3_000 + random.nextInt(12_000), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    killAndRestart(modules.get(random.nextInt(modules.size())), () -> "");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.add(e);
                e.printStackTrace();
            }
        }

        /**
         * Called by the journey right after a create request was accepted, while its work runs: 0–1.5 s later kills
         * {@code worker} (7 times in 10) or a random service, and restarts it. The kill records {@code state}.
         */
        void strike(String worker, State state) {
            List<String> modules = processes.modules();
            String module = strikes.nextInt(10) < 7 ? worker : modules.get(strikes.nextInt(modules.size()));
            try {
                Thread.sleep(strikes.nextInt(1_500)); // the random moment within the work
                killAndRestart(module, state);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        final List<Double> postgresRestarts = new CopyOnWriteArrayList<>();
        final List<Double> kafkaRestarts = new CopyOnWriteArrayList<>();

        /** Restarts the Kafka broker (same port and log folder) 0–3 s from now, no service killed meanwhile. */
        void restartKafka() {
            writes.writeLock().lock();
            try {
                Thread.sleep(strikes.nextInt(3_000));
                double at = (System.nanoTime() - t0) / 1e9;
                long start = System.nanoTime();
                mode.infrastructure().restartKafka();
                kafkaRestarts.add(at);
                System.out.printf(java.util.Locale.ROOT, "chaos: Kafka restarted at %.1f s (back in %.1f s) in %s%n", at,
                        (System.nanoTime() - start) / 1e9, phase);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                writes.writeLock().unlock();
            }
        }

        /** Restarts PostgreSQL (fast shutdown: every connection dropped) 0–3 s from now, no service killed meanwhile. */
        void restartPostgres() {
            writes.writeLock().lock();
            try {
                Thread.sleep(strikes.nextInt(3_000));
                double at = (System.nanoTime() - t0) / 1e9;
                mode.infrastructure().restartPostgres();
                postgresRestarts.add(at);
                System.out.printf(java.util.Locale.ROOT, "chaos: PostgreSQL restarted at %.1f s in %s%n", at, phase);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                writes.writeLock().unlock();
            }
        }

        private void killAndRestart(String module, State state) throws InterruptedException {
            long pause = random.nextInt(3_000);
            writes.writeLock().lockInterruptibly();
            try {
                String doing;
                try {
                    doing = state.read();
                } catch (Exception e) {
                    doing = "(" + e.getMessage() + ")";
                }
                long pid = processes.pid(module).orElseThrow(() -> new IllegalStateException(module + " is not running"));
                processes.kill(module);
                Kill kill = new Kill(module, pid, (System.nanoTime() - t0) / 1e9, doing.isEmpty() ? phase : phase + ", " + doing);
                kills.add(kill);
                System.out.println("chaos: kill #" + kills.size() + ": " + kill);
                Thread.sleep(pause);
                processes.restart(module);
            } finally {
                writes.writeLock().unlock();
            }
        }
    }

    // --- HTTP, through the gateway only ---

    private record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A create request, made while no kill can happen; answered {@code expected} or the test fails. */
    private static JsonNode create(String path, Object body, int expected) {
        writes.readLock().lock();
        try {
            // the service just restarted may still be starting its consumers: 5xx (nothing stored) is retried
            Response r = Awaitility.await("POST " + path).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> post(path, body), x -> x.status() < 500);
            assertThat(r.status()).as("POST %s: %s", path, r.body()).isEqualTo(expected);
            return r.json();
        } finally {
            writes.readLock().unlock();
        }
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> done, Duration timeout) {
        return patiently("GET " + path, timeout).until(() -> get(path),
                r -> r.status() == 200 && done.test(r.json())).json();
    }

    private static ConditionFactory patiently(String what, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions();
    }

    private static void retry(java.util.concurrent.Callable<Response> call) {
        patiently("retry", Duration.ofMinutes(2)).until(call, r -> r.status() < 500);
    }

    private static String login() {
        Response login = post("/api/auth/login", Map.of("username", LocalMode.DEMO_USERNAME,
                "password", LocalMode.DEMO_PASSWORD), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access_token").asString();
    }

    /** A GET; a token that expired during a long run (401) is renewed once. */
    private static Response get(String path) {
        Response r = getOnce(path);
        if (r.status() == 401) {
            token = login();
            r = getOnce(path);
        }
        return r;
    }

    private static Response getOnce(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
    }

    private static Response post(String path, Object body) {
        return post(path, body, token);
    }

    private static Response post(String path, Object body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(bearer == null ? b : b.header("Authorization", "Bearer " + bearer));
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

    // --- helpers ---

}
