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
import java.io.InputStream;
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
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(dir.resolve("packs")) ? dir : dir.getParent();
        assertThat(root.resolve("packs/swingsigma")).as("bundled packs under the repository root").isDirectory();
        return root;
    }

    private static String resource(String name) {
        try (InputStream in = PlatformEndToEndTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
