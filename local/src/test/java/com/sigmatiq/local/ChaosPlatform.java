package com.sigmatiq.local;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
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
import java.nio.file.StandardCopyOption;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static com.sigmatiq.local.JourneyFiles.repositoryRoot;
import static com.sigmatiq.local.JourneyFiles.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chaos tests ({@link ChaosJourneyTest}, {@link ChaosSliceTest}) share: local mode with {@code --processes}
 * on free ports (each service in its own JVM, PostgreSQL and Kafka in this one), the gateway's HTTP (the only way in),
 * the database read directly for the invariants, and the journey's first steps (model, custom sweep, training of its
 * combination 1) with the uninterrupted reference they are compared with. {@link Chaos} kills and restarts.
 */
final class ChaosPlatform implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final String[] OUTBOX_SCHEMAS = {"identity", "pack", "model", "marketdata", "sweep", "training",
            "alert", "sim", "pilot"};

    final LocalMode mode;
    final ServiceProcesses processes;
    private final Path data;
    private final String logsFolder;
    private final String gateway;
    private volatile String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Held (shared) by the journey during a create request; held (exclusive) by {@link Chaos} for a kill. */
    final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

    private ChaosPlatform(LocalMode mode, Path data, String logsFolder, String gateway) {
        this.mode = mode;
        this.processes = mode.processes().orElseThrow();
        this.data = data;
        this.logsFolder = logsFolder;
        this.gateway = gateway;
    }

    /** The run's seed: {@code -Dchaos.seed=N}, else a new one (printed by the tests, so a run can be repeated). */
    static long seed() {
        return Long.getLong("chaos.seed", System.nanoTime());
    }

    /**
     * Starts local mode with {@code --processes} on {@code data} with {@code services} (the gateway first), each on a
     * free port and each in its own JVM, and logs in as the demo user. {@link #close} (or a failed start) stops it and
     * keeps the services' logs in {@code target/<logsFolder>}.
     */
    static ChaosPlatform start(Path data, List<LocalService> services, String logsFolder) {
        Path root = repositoryRoot();
        List<LocalService> onFreePorts = services.stream()
                .map(s -> s.withPort(LocalInfrastructure.portOrFree(0, s.module()))).toList();
        assertThat(onFreePorts.get(0).module()).as("the gateway first").isEqualTo(LocalServices.GATEWAY);
        for (LocalService service : onFreePorts) {
            assertThat(ServiceClasspath.modulesUnder(root).resolve(service))
                    .as("%s is not built: run ./mvnw -q -B -ntp -pl local -am package -DskipTests", service.module())
                    .isPresent();
        }
        long t0 = System.nanoTime();
        LocalMode mode = new LocalMode();
        try {
            mode.start(new LocalMode.Options(root, data, 0, 0, true), onFreePorts, ServiceClasspath.modulesUnder(root));
            ChaosPlatform platform = new ChaosPlatform(mode, data, logsFolder, onFreePorts.get(0).baseUrl());
            assertThat(platform.processes.modules())
                    .containsExactlyElementsOf(onFreePorts.stream().map(LocalService::module).toList());
            assertThat(mode.running()).as("no service in this JVM").isEmpty();
            System.out.printf("chaos: %d service JVMs up in %.1f s%n", onFreePorts.size(), (System.nanoTime() - t0) / 1e9);
            platform.token = platform.login();
            return platform;
        } catch (RuntimeException | Error e) {
            try {
                stop(mode, data, logsFolder);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Stops local mode and keeps the services' logs, for the diagnosis of a failed run. */
    @Override
    public void close() throws IOException {
        stop(mode, data, logsFolder);
    }

    private static void stop(LocalMode mode, Path data, String logsFolder) throws IOException {
        mode.close();
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            Path kept = Path.of("target", logsFolder);
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.out.println("chaos: the services' logs are in " + kept.toAbsolutePath());
        }
    }

    // --- the reference and the journey's first steps, through the gateway ---

    /** The uninterrupted run's sweep results (by combination) and its booster's SHA-256. */
    record Reference(List<List<Object>> sweepResults, String booster) {
    }

    record Trained(String jobId, String trainedModelId) {
    }

    /** The sweep of {@code parameters} ({@code combinations} of them) and the training of its combination 1, nobody killed. */
    Reference referenceRun(Map<String, Object> parameters, int combinations) throws SQLException {
        String model = createModel("reference");
        String sweep = sweep(model, parameters, id -> { });
        List<List<Object>> results = sweepResults(sweep, combinations);
        String job = train(model, sweep, id -> { }).jobId();
        return new Reference(results, boosterSha(job));
    }

    /** The seed's SPY model on 5m, named {@code name} and a random suffix. */
    String createModel(String name) {
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

    /** A custom sweep of January 2011; {@code afterPost} runs once it is accepted, while it runs. */
    String sweep(String model, Map<String, Object> parameters, Consumer<String> afterPost) {
        JsonNode sweep = create("/api/sweeps", Map.of("model_id", model, "sweep_type", "custom",
                "date_range", Map.of("start", "2011-01-03", "end", "2011-01-31"), "parameters", parameters), 201);
        String id = sweep.get("sweep_id").asString();
        afterPost.accept(id);
        awaitJson("/api/sweeps/" + id, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(10));
        return id;
    }

    /** Trains combination 1 of {@code sweep}; {@code afterPost} runs once the job is accepted, while it runs. */
    Trained train(String model, String sweep, Consumer<String> afterPost) {
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

    // --- the database, read directly (local mode's PostgreSQL runs in this JVM's care) ---

    /** Every stored result of the sweep, by combination, as the values the engine computed; {@code combinations} of them. */
    List<List<Object>> sweepResults(String sweep, int combinations) throws SQLException {
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
        assertThat(rows).as("results of sweep %s", sweep).hasSize(combinations);
        return rows;
    }

    String sweepStatus(String sweep) throws SQLException {
        return String.join(",", strings("select status || ' ' || done_combinations || '/' || total_combinations"
                + " from sweep.sweeps where id = ?::uuid", sweep));
    }

    String jobStatus(String job) throws SQLException {
        return String.join(",", strings("select status from training.training_jobs where id = ?::uuid", job));
    }

    String boosterSha(String job) throws SQLException {
        Set<String> sha = strings("select sha256 from training.training_artifacts where job_id = ?::uuid"
                + " and name = 'booster.ubj'", job);
        assertThat(sha).as("booster of job %s", job).hasSize(1);
        return sha.iterator().next();
    }

    /** Waits until no schema's outbox holds an incomplete publication. */
    void awaitOutboxesDelivered() {
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

    long count(String sql, String parameter) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    Set<String> strings(String sql, String parameter) throws SQLException {
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

    Connection database() throws SQLException {
        return DriverManager.getConnection(mode.infrastructure().jdbcUrl("public"), LocalInfrastructure.USER,
                LocalInfrastructure.PASSWORD);
    }

    // --- HTTP, through the gateway only ---

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A create request, made while no kill can happen; answered {@code expected} or the test fails. */
    JsonNode create(String path, Object body, int expected) {
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

    JsonNode awaitJson(String path, Predicate<JsonNode> done, Duration timeout) {
        return patiently("GET " + path, timeout).until(() -> get(path),
                r -> r.status() == 200 && done.test(r.json())).json();
    }

    static ConditionFactory patiently(String what, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(500)).ignoreExceptions();
    }

    void retry(Callable<Response> call) {
        patiently("retry", Duration.ofMinutes(2)).until(call, r -> r.status() < 500);
    }

    /** Logs in as the demo user, which the gateway creates just after it opens its port: 401 until then. */
    private String login() {
        Response login = patiently("login as the demo user", Duration.ofMinutes(1)).until(() -> post("/api/auth/login",
                Map.of("username", LocalMode.DEMO_USERNAME, "password", LocalMode.DEMO_PASSWORD), null),
                r -> r.status() == 200);
        return login.json().get("access_token").asString();
    }

    /** A GET; a token that expired during a long run (401) is renewed once. */
    Response get(String path) {
        Response r = getOnce(path);
        if (r.status() == 401) {
            token = login();
            r = getOnce(path);
        }
        return r;
    }

    private Response getOnce(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
    }

    Response post(String path, Object body) {
        return post(path, body, token);
    }

    private Response post(String path, Object body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(bearer == null ? b : b.header("Authorization", "Bearer " + bearer));
    }

    private Response send(HttpRequest.Builder request) {
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
