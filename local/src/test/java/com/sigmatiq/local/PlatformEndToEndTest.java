package com.sigmatiq.local;

import org.awaitility.Awaitility;
import com.sigmatiq.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.sigmatiq.local.JourneyFiles.repositoryRoot;
import static com.sigmatiq.local.JourneyFiles.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as local mode runs it — embedded PostgreSQL and Kafka, then the real gateway, pack-service and
 * model-service, each a Spring Boot application in its own class loader built from its module's build output — on
 * free ports and a temporary data folder, driven only over HTTP through the gateway. The seed's create-model request
 * (section 2.1) goes end to end: gateway identity, routing, pack-service's bundled swingsigma pack, model-service's
 * validation and configuration, and its {@code model.created} event on Kafka.
 *
 * <p>Needs the service modules built ({@code ./mvnw -pl local -am install -DskipTests}, or any reactor build that
 * includes them: the {@code local} pom lists them so {@code -am} and the reactor build them first).
 */
class PlatformEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final String SEED_MODEL = "spy_swing_momentum_v1";
    /**
     * Recommendation rules a three-session paper period of the journey's model can meet (sim-service's defaults ask
     * for five trades): at least one trade, any win rate, a Sharpe ratio of at least 0, any drawdown to 100%, and
     * reconciliation differences allowed (the replay's speed decides which bar a paper fill lands on).
     */
    static final Map<String, Object> LENIENT_RULES = Map.of("min_trades", 1, "win_rate_tolerance", 1,
            "sharpe_fraction_of_backtest", 0, "max_drawdown", 1, "max_reconciliation_mismatches", 1000);

    @TempDir
    static Path data;

    private static LocalMode mode;
    private static String gateway;
    private static String kafka;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startThePlatformAsLocalModeDoes() {
        Path root = repositoryRoot();
        List<LocalService> services = LocalServices.ALL.stream()
                .map(s -> s.withPort(LocalInfrastructure.portOrFree(0, s.module())))
                .toList();
        for (LocalService service : services) {
            assertThat(ServiceClasspath.modulesUnder(root).resolve(service))
                    .as("%s is not built (target/classes and %s): run ./mvnw -B -pl local -am install -DskipTests",
                            service.module(), ServiceClasspath.CLASSPATH_FILE)
                    .isPresent();
        }

        mode = new LocalMode();
        mode.start(new LocalMode.Options(root, data, 0, 0), services,
                ServiceClasspath.modulesUnder(root));

        assertThat(mode.running()).extracting(r -> r.service().module())
                .containsExactlyElementsOf(services.stream().map(LocalService::module).toList());
        gateway = services.get(0).baseUrl();
        kafka = mode.infrastructure().kafkaBootstrapServers();
    }

    @AfterAll
    static void stopEverything() {
        if (mode != null) {
            mode.close();
        }
    }

    @Test
    void theGatewayRunsOnTheKeyEncryptionSecretGeneratedInTheDataFolder() throws Exception {
        Path file = data.resolve(IdentitySecret.FILE);
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String secret = Files.readString(file).strip();

        Object context = mode.running().get(0).context(); // the gateway's ConfigurableApplicationContext
        Object environment = context.getClass().getMethod("getEnvironment").invoke(context);
        Object used = environment.getClass().getMethod("getProperty", String.class)
                .invoke(environment, IdentitySecret.PROPERTY);

        assertThat(used).isEqualTo(secret);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(IdentitySecret.MIN_LENGTH)
                .isNotEqualTo("dev-only-insecure-key-encryption-secret-change-me");
    }

    @Test
    void theDemoUserLogsInAndSeesTheBundledSwingsigmaPack() {
        String token = login(LocalMode.DEMO_USERNAME, LocalMode.DEMO_PASSWORD);

        Response packs = get("/api/packs", token, "application/json");

        assertThat(packs.status()).as(packs.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        packs.json().forEach(p -> ids.add(p.get("id").asString()));
        assertThat(ids).contains("swingsigma");
    }

    @Test
    void theSeedsCreateModelRequestEndToEndThroughTheGateway() {
        User alice = register("alice");
        User bob = register("bob");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Response created = post("/api/models", alice.token(), readSeedRequest());

        // the seed's response shape
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/models/" + SEED_MODEL);
        JsonNode body = created.json();
        assertThat(fieldNames(body)).containsExactly("success", "model");
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode model = body.get("model");
        assertThat(fieldNames(model)).containsExactly("id", "status", "created_at", "next_step");
        assertThat(model.get("id").asString()).isEqualTo(SEED_MODEL);
        assertThat(model.get("status").asString()).isEqualTo("created");
        assertThat(model.get("next_step").asString()).isEqualTo("configure_sweep");
        String createdAt = model.get("created_at").asString();
        assertThat(Instant.parse(createdAt)).isBetween(before, Instant.now());

        // the seed's section 2.2, as JSON and as YAML, compared as text: same keys, same order, same numbers
        String expected = JSON.writeValueAsString(expectedSeedConfig(alice.id(), createdAt));
        Response json = get("/api/models/" + SEED_MODEL + "/config", alice.token(), "application/json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.writeValueAsString(JSON.readValue(json.body(), MAP))).isEqualTo(expected);
        Response yaml = get("/api/models/" + SEED_MODEL + "/config", alice.token(), "application/yaml");
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).contains("  - rsi:\n      period: 21");
        assertThat(JSON.writeValueAsString(YAML.readValue(yaml.body(), MAP))).isEqualTo(expected);

        // another user's model does not exist for them; without a token nothing answers
        for (String path : List.of("/api/models/" + SEED_MODEL, "/api/models/" + SEED_MODEL + "/config")) {
            Response r = get(path, bob.token(), "application/json");
            assertThat(r.status()).as("bob: GET %s → %s", path, r.body()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            Response anonymous = get(path, null, "application/json");
            assertThat(anonymous.status()).as("no token: GET %s", path).isEqualTo(401);
        }
        assertThat(get("/api/models", bob.token(), "application/json").json().get("models")).isEmpty();
        assertThat(post("/api/models", null, readSeedRequest()).status()).isEqualTo(401);
        assertThat(get("/api/packs", null, "application/json").status()).isEqualTo(401);

        // model.created for this model reached model.events, once
        List<JsonNode> events = awaitModelEvents(e -> e.get("type").asString().equals("model.created")
                && e.get("subject_id").asString().equals(SEED_MODEL)
                && e.get("owner_id").asString().equals(alice.id()), Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(UUID.fromString(event.get("event_id").asString())).isNotNull();
        assertThat(Instant.parse(event.get("occurred_at").asString())).isBetween(before, Instant.now());
    }

    @Test
    void anUnknownOverrideKeyIsAProblemDetailNamingTheFieldAndTheValidChoices() {
        User carol = register("carol");
        Map<String, Object> request = readSeedRequest();
        request.put("model_id", "bad_override");
        request.put("parameter_overrides", Map.of("rsi_perid", 21));

        Response r = post("/api/models", carol.token(), request);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).hasSize(1);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("parameter_overrides.rsi_perid");
        assertThat(error.get("message").asString()).isNotBlank();
        List<String> choices = new ArrayList<>();
        error.get("valid_choices").forEach(c -> choices.add(c.asString()));
        assertThat(choices).contains("rsi_period", "stop_loss_pct", "max_position_pct");
        assertThat(get("/api/models/bad_override", carol.token(), "application/json").status()).isEqualTo(404);
    }

    // --- the seed ---

    /**
     * The whole chain through the gateway: a model on SPY 5m, a sweep of January 2011, training its combination,
     * publishing the trained model attached to a replay of March (started by the demo user, an operator), a webhook
     * for the alerts; evaluations and alerts appear through the gateway and at the webhook, signed; the paper account
     * fills them and, after its three sessions, the publication is paper_complete with sim-service's recommendation.
     */
    @Test
    void aModelGoesFromSweepToTrainingToPublishedAlertsAtAWebhookAndAPaperRecommendation() throws Exception {
        String token = login(LocalMode.DEMO_USERNAME, LocalMode.DEMO_PASSWORD);
        String model = "journey_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> create = readSeedRequest();
        create.put("model_id", model);
        create.put("timeframe", "5m");
        create.remove("selected_indicators");
        create.remove("selected_features");
        create.put("parameter_overrides", Map.of("stop_loss_pct", 0.4, "take_profit_pct", 0.6, "time_stop_days", 2));
        Response created = post("/api/models", token, create);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Response sweep = post("/api/sweeps", token, Map.of("model_id", model, "sweep_type", "custom",
                "date_range", Map.of("start", "2011-01-03", "end", "2011-01-31"),
                "parameters", Map.of("thresholds", List.of(0.5), "allowed_hours", List.of("all_day"), "position_size_pct", List.of(10))));
        assertThat(sweep.status()).as(sweep.body()).isEqualTo(201);
        String sweepId = sweep.json().get("sweep_id").asString();
        awaitJson("/api/sweeps/" + sweepId, token, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(3));

        Response training = post("/api/training/jobs", token, Map.of("model_id", model,
                "selected_configs", List.of(Map.of("combo_id", 1, "rank", 1, "config", Map.of("threshold", 0.5))),
                "training_params", Map.of("algorithm", "xgboost", "validation_method", "time_series_split", "test_size", 0.2,
                        "calibration", "none"),
                "hyperparameters", Map.of("n_estimators", 40, "max_depth", 4, "learning_rate", 0.1)));
        assertThat(training.status()).as(training.body()).isEqualTo(202);
        String job = training.json().get("jobs").get(0).get("job_id").asString();
        String trained = training.json().get("jobs").get(0).get("trained_model_id").asString();
        awaitJson("/api/training/jobs/" + job, token, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(3));
        awaitJson("/api/models/" + model, token, b -> "trained".equals(b.path("status").asString()), Duration.ofSeconds(60));

        // the alerts' webhook
        String secret = "whsec-journey-0123456789";
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", x -> {
            try (x) {
                received.add(new String[] {new String(x.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        x.getRequestHeaders().getFirst("X-Sigmatiq-Signature"), x.getRequestHeaders().getFirst("X-Sigmatiq-Event-Id")});
                x.sendResponseHeaders(204, -1);
            }
        });
        hook.start();
        String replayId = null;
        try {
            Response dest = send(request("/api/alerts/destinations", token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("push", Map.of("url",
                            "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", "secret", secret))))));
            assertThat(dest.status()).as(dest.body()).isEqualTo(200);

            Response replay = post("/api/replays", token, Map.of("tickers", List.of("SPY"), "timeframes", List.of("5m"),
                    "from", "2011-03-01", "to", "2011-03-31", "speed", "6000x", "extended", true));
            assertThat(replay.status()).as(replay.body()).isEqualTo(201);
            replayId = replay.json().get("id").asString();

            Response published = post("/api/published-models", token, Map.of("trained_model_id", trained,
                    "publish_settings", Map.of("name", "SPY Journey", "description", "end to end", "alert_frequency", "5_minutes",
                            "max_alerts_per_day", 3, "paper_trade_first", true, "paper_trade_duration_days", 3,
                            // the publication's own recommendation rules (model-service README): lenient enough that
                            // three sessions of a month-old model can pass, so that the journey reaches its live step
                            "recommendation_rules", LENIENT_RULES),
                    "feed", Map.of("replay_id", replayId)));
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            String pub = published.json().get("published_model").get("id").asString();

            JsonNode alerts = awaitJson("/api/alerts?published_model_id=" + pub, token, b -> b.path("total").asLong() >= 2,
                    Duration.ofMinutes(4));
            JsonNode first = alerts.get("alerts").get(alerts.get("alerts").size() - 1);
            assertThat(first.get("signal").get("ticker").asString()).isEqualTo("SPY");
            assertThat(first.get("model_id").asString()).isEqualTo(pub);
            JsonNode evaluations = awaitJson("/api/alerts/models/" + pub + "/evaluations?size=1", token,
                    b -> b.path("total").asLong() > 0, Duration.ofSeconds(30));
            assertThat(evaluations.get("evaluations").get(0).has("indicators_calculated")).isTrue();

            Awaitility.await("the webhook gets the alerts").atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
            String[] call = received.get(0);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(call[1]).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(
                    mac.doFinal(call[0].getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(JSON.readTree(call[0]).get("alert_id").asString()).isEqualTo(call[2]).startsWith("alert_" + pub + "_");

            // paper trading (sim-service): the account fills the alerts and, after three sessions, recommends
            JsonNode accounts = awaitJson("/api/sim/accounts?published_model_id=" + pub, token,
                    b -> b.path("accounts").size() == 1, Duration.ofSeconds(30));
            String account = accounts.get("accounts").get(0).get("account_id").asString();
            JsonNode trades = awaitJson("/api/sim/accounts/" + account + "/trades", token,
                    b -> b.path("trades").size() >= 1, Duration.ofMinutes(2));
            JsonNode fill = trades.get("trades").get(0);
            assertThat(fill.get("execution").get("status").asString()).isEqualTo("filled");
            assertThat(fill.get("alert_id").asString()).startsWith("alert_" + pub + "_");
            JsonNode performance = awaitJson("/api/sim/accounts/" + account + "/performance", token,
                    b -> "complete".equals(b.path("status").asString()), Duration.ofMinutes(3));
            String recommendation = performance.get("recommendation").asString();
            assertThat(recommendation).as(performance.toString()).isEqualTo("APPROVE_FOR_LIVE_TRADING");
            assertThat(performance.get("recommendation_checks").has("min_trades")).isTrue();
            assertThat(performance.get("reconciliation").has("mismatches")).isTrue();
            assertThat(performance.get("sessions").asInt()).isEqualTo(3);
            awaitJson("/api/published-models/" + pub, token, b -> "paper_complete".equals(b.path("status").asString())
                    && recommendation.equals(b.path("paper_recommendation").asString()), Duration.ofSeconds(60));

            goLiveAtTheLocalBroker(token, pub);
        } finally {
            if (replayId != null) {
                post("/api/replays/" + replayId + "/cancel", token, Map.of());
            }
            hook.stop(0);
        }
    }

    /**
     * The journey's last step (seed 8.1, 8.2): a live account at local mode's broker (a {@code fix} account without a
     * connection goes there), the approval of the paper-validated publication, the publication live, and its next
     * alert an order at the local broker, filled against the replay's next bar, in {@code GET /api/pilot/orders}.
     */
    private static void goLiveAtTheLocalBroker(String token, String pub) {
        String brokerAccount = "LOCAL-" + UUID.randomUUID().toString().substring(0, 8);
        Response account = post("/api/pilot/accounts", token, Map.of("broker", "fix", "account_id", brokerAccount,
                "credentials", Map.of("password", "local-broker-password"),
                "limits", Map.of("max_capital", 50_000, "max_position_size", 5_000, "max_open_positions", 3,
                        "daily_loss_limit", 1_000, "max_orders_per_minute", 10)));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        String accountId = account.json().get("id").asString();
        int brokerPort = mode.running().stream().filter(r -> r.service().module().equals(LocalServices.LOCAL_BROKER))
                .findFirst().orElseThrow().service().port();
        assertThat(account.json().get("connection").get("port").asInt()).isEqualTo(brokerPort);
        assertThat(account.json().get("credentials_set").asBoolean()).isTrue();

        Map<String, Object> approval = Map.of("model_id", pub, "paper_trading_complete", true,
                "paper_performance_acceptable", true, "user_approval", true,
                "live_settings", Map.of("broker", "fix", "account_id", brokerAccount, "max_capital", 20_000,
                        "max_position_size", 5_000, "enable_sigma_pilot", true),
                "go_live_date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        // pilot-service hears the paper recommendation on its own (paper.events), a moment after model-service may
        Response approved = Awaitility.await("the approval").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> post("/api/pilot/approvals", token, approval), r -> r.status() != 400
                        || !r.body().contains("nothing yet"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        awaitJson("/api/published-models/" + pub, token, b -> "live".equals(b.path("status").asString()), Duration.ofSeconds(30));
        awaitJson("/api/pilot/accounts/" + accountId, token, b -> "connected".equals(b.path("connection_state").asString()),
                Duration.ofSeconds(30));

        JsonNode orders = awaitJson("/api/pilot/orders?account_id=" + accountId, token, b -> {
            for (JsonNode o : b.path("orders")) {
                if ("filled".equals(o.path("execution").path("status").asString())) {
                    return true;
                }
            }
            return false;
        }, Duration.ofMinutes(4));
        JsonNode filled = null;
        for (JsonNode o : orders.get("orders")) {
            if ("filled".equals(o.path("execution").path("status").asString())) {
                filled = o;
            }
        }
        assertThat(filled.get("alert_id").asString()).startsWith("alert_" + pub + "_");
        assertThat(filled.get("model_id").asString()).isEqualTo(pub);
        assertThat(filled.get("broker_order_id").asString()).startsWith("LB-"); // the local broker's order id
        JsonNode destination = filled.get("routing").get("destinations").get(0);
        assertThat(destination.get("service").asString()).isEqualTo("sigma_pilot");
        assertThat(destination.get("broker").asString()).isEqualTo("fix");
        assertThat(destination.get("account").asString()).isEqualTo(brokerAccount);
        JsonNode execution = filled.get("execution");
        assertThat(execution.get("fill_price").asDouble()).isPositive();
        assertThat(execution.get("filled_quantity").asLong()).isEqualTo(filled.get("quantity").asLong()).isPositive();
        assertThat(execution.get("commission").asDouble()).isPositive();
        assertThat(execution.get("fill_time").asString()).isNotBlank();
        List<String> states = new ArrayList<>();
        filled.get("history").forEach(h -> states.add(h.path("state").asString()));
        assertThat(states).contains("pending_new", "acknowledged", "filled");
        // the one fill, at the price of a bar of the replay the model follows
        JsonNode one = get("/api/pilot/orders/" + filled.get("order_id").asString(), token, "application/json").json();
        assertThat(one.get("execution").get("fill_price").asDouble()).isEqualTo(execution.get("fill_price").asDouble());
    }

    private static JsonNode awaitJson(String path, String token, java.util.function.Predicate<JsonNode> done, Duration timeout) {
        return Awaitility.await("GET " + path).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> get(path, token, "application/json"), r -> r.status() == 200 && done.test(r.json())).json();
    }

    private static LinkedHashMap<String, Object> readSeedRequest() {
        return JSON.readValue(resource("/seed/create-model-request.json"), MAP);
    }

    /**
     * The seed's section 2.2 with the differences model-service documents (model-service/README.md): {@code user_id}
     * is the owner's id, {@code created_at} the creation time, rsi lists every parameter the pack writes (the seed
     * shows only the overridden period), and {@code timeframe} (default 5m) follows the seed's keys.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectedSeedConfig(String userId, String createdAt) {
        Map<String, Object> seed = YAML.readValue(resource("/seed/model-config-2.2.yaml"), MAP);
        Map<String, Object> model = (Map<String, Object>) seed.get("model");
        model.put("user_id", userId);
        model.put("created_at", createdAt);
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) seed.get("indicators");
        Map<String, Object> rsi = (Map<String, Object>) indicators.get(0).get("rsi");
        assertThat(rsi).containsExactly(Map.entry("period", 21));
        rsi.put("overbought", 70);
        rsi.put("oversold", 30);
        seed.put("timeframe", "5m");
        return seed;
    }

    // --- users, through the gateway ---

    private record User(String id, String token) {
    }

    private static User register(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "password-of-" + username;
        Response registered = post("/api/auth/register", null, Map.of("username", username, "password", password));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("username").asString()).isEqualTo(username);
        return new User(registered.json().get("user_id").asString(), login(username, password));
    }

    private static String login(String username, String password) {
        Response login = post("/api/auth/login", null, Map.of("username", username, "password", password));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("Bearer");
        return login.json().get("access_token").asString();
    }

    // --- Kafka ---

    /**
     * Waits until at least one record of {@code model.events} matches, then checks that no second match appears
     * for two seconds (an outbox that sent twice would show it by then), and returns every match.
     */
    private static List<JsonNode> awaitModelEvents(java.util.function.Predicate<JsonNode> match, Duration timeout) {
        Awaitility.await("a matching model event").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> readModelEvents().stream().anyMatch(match));
        Awaitility.await("no second matching model event").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> readModelEvents().stream().filter(match).count() == 1);
        return readModelEvents().stream().filter(match).toList();
    }

    /** Every record on {@code model.events}, from the beginning (no consumer group, no commits). */
    private static List<JsonNode> readModelEvents() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MODEL_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(JSON.readTree(r.value()));
                }
            }
        }
        return events;
    }

    // --- HTTP, through the gateway only ---

    private record Response(int status, String body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static Response get(String path, String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET());
    }

    private static Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ---

    /** The repository root: surefire runs in {@code local/}. */
    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
