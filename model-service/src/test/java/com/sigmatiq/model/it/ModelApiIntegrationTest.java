package com.sigmatiq.model.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.model.support.ApiClient;
import com.sigmatiq.model.support.ApiClient.Response;
import com.sigmatiq.model.support.ModelEventsConsumer;
import com.sigmatiq.model.support.ModelEventsConsumer.Event;
import com.sigmatiq.model.support.StubPackService;
import com.sigmatiq.model.support.TestIdentity;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * model-service end to end on the real embedded PostgreSQL and Kafka (testinfra), with test JWTs from
 * {@link TestIdentity} and the swingsigma pack served by {@link StubPackService} (a stand-in for pack-service
 * until the real one runs in this JVM).
 */
@SigmatiqIntegrationTest
class ModelApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIdentity.get().jwkSetUri());
        registry.add("sigmatiq.services.pack-service", () -> StubPackService.get().baseUrl());
    }

    @LocalServerPort
    int port;

    private final String alice = UUID.randomUUID().toString();
    private final String bob = UUID.randomUUID().toString();

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static String token(String user) {
        return TestIdentity.get().token(user);
    }

    static LinkedHashMap<String, Object> seedRequest() {
        try (InputStream in = ModelApiIntegrationTest.class.getResourceAsStream("/seed/create-model-request.json")) {
            return JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), MAP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSeedsCreateModelRequestAnswersTheSeedsResponse() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String token = token(alice);
        Response r = api().post("/models", token, seedRequest());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/models/spy_swing_momentum_v1");
        JsonNode body = r.json();
        assertThat(fieldNames(body)).containsExactly("success", "model");
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode model = body.get("model");
        assertThat(fieldNames(model)).containsExactly("id", "status", "created_at", "next_step");
        assertThat(model.get("id").asString()).isEqualTo("spy_swing_momentum_v1");
        assertThat(model.get("status").asString()).isEqualTo("created");
        assertThat(model.get("next_step").asString()).isEqualTo("configure_sweep");
        String createdAt = model.get("created_at").asString();
        assertThat(createdAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Instant.parse(createdAt)).isBetween(before, Instant.now());

        // the caller's token went to pack-service with the request
        assertThat(StubPackService.get().authorizations()).contains("Bearer " + token);
    }

    @Test
    void theConfigurationIsTheSeedsSection22AsJsonAndAsYaml() {
        Response created = api().post("/models", token(alice), seedRequest());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String createdAt = created.json().get("model").get("created_at").asString();
        String expected = JSON.writeValueAsString(expectedSeedConfig(alice, createdAt));

        Response json = api().get("/models/spy_swing_momentum_v1/config", token(alice));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        // compared as text: same keys, same order, integers as integers
        assertThat(JSON.writeValueAsString(JSON.readValue(json.body(), MAP))).isEqualTo(expected);

        Response yaml = api().get("/models/spy_swing_momentum_v1/config", token(alice), "application/yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("model:\n  id: \"spy_swing_momentum_v1\"").contains("  - rsi:\n      period: 21");
        assertThat(JSON.writeValueAsString(YAML.readValue(yaml.body(), MAP))).isEqualTo(expected);
    }

    /**
     * The seed's section 2.2, with the differences this service documents: {@code user_id} is the token's
     * subject, {@code created_at} the creation time, rsi lists every parameter the pack writes (the seed shows
     * only the overridden period), and {@code timeframe} (default 5m) follows the seed's keys.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expectedSeedConfig(String userId, String createdAt) {
        Map<String, Object> seed;
        try (InputStream in = ModelApiIntegrationTest.class.getResourceAsStream("/seed/model-config-2.2.yaml")) {
            seed = YAML.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), MAP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> model = (Map<String, Object>) seed.get("model");
        model.put("user_id", userId);
        model.put("created_at", createdAt);
        Map<String, Object> rsi = (Map<String, Object>) ((List<Map<String, Object>>) seed.get("indicators")).get(0).get("rsi");
        assertThat(rsi).containsExactly(Map.entry("period", 21));
        rsi.put("overbought", 70);
        rsi.put("oversold", 30);
        seed.put("timeframe", "5m");
        return seed;
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                bad("unknown pack", r -> r.put("pack_id", "swingsigmaa"), "pack_id", List.of("swingsigma")),
                bad("unknown pack version", r -> r.put("pack_version", "9.9.9"), "pack_version", List.of()),
                bad("unknown strategy", r -> r.put("strategy_id", "momentum_swingg"), "strategy_id",
                        List.of("momentum_swing", "mean_reversion_swing", "breakout_swing")),
                bad("unknown indicator", r -> r.put("selected_indicators", List.of("rsi", "vwap")), "selected_indicators[1]",
                        List.of("rsi", "macd", "stochastic", "ema_20", "ema_50", "adx", "bollinger_bands", "atr", "obv", "volume_ma")),
                bad("unknown feature", r -> r.put("selected_features", List.of("gamma_flip")), "selected_features[0]",
                        List.of("rsi_divergence", "macd_cross", "trend_strength", "bb_squeeze", "volume_surge", "momentum_composite")),
                bad("unknown override key", r -> r.put("parameter_overrides", Map.of("rsi_perid", 21)), "parameter_overrides.rsi_perid",
                        List.of("threshold", "stop_loss_pct", "rsi_period", "rsi_overbought", "macd_fast_period", "ema_20_period")),
                bad("override out of range", r -> r.put("parameter_overrides", Map.of("rsi_period", 1)), "parameter_overrides.rsi_period",
                        List.of()),
                bad("override of the wrong type", r -> r.put("parameter_overrides", Map.of("stop_loss_pct", "six")),
                        "parameter_overrides.stop_loss_pct", List.of()),
                bad("unsupported instrument", r -> r.put("instrument", "futures"), "instrument", List.of("stocks", "options")),
                bad("bad ticker", r -> r.put("ticker", "spy"), "ticker", List.of()),
                bad("too long ticker", r -> r.put("ticker", "ABCDEFGHIJK"), "ticker", List.of()),
                bad("bad timeframe", r -> r.put("timeframe", "10m"), "timeframe", List.of("1m", "5m", "15m", "1h", "1d")),
                bad("missing strategy", r -> r.remove("strategy_id"), "strategy_id",
                        List.of("momentum_swing", "mean_reversion_swing", "breakout_swing")),
                bad("missing model id", r -> r.remove("model_id"), "model_id", List.of()),
                bad("unknown risk profile", r -> r.put("risk_profile", "yolo"), "risk_profile",
                        List.of("conservative", "balanced", "aggressive")));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> change, String field, List<String> choices) {
        return Arguments.of(name, change, field, choices);
    }

    @ParameterizedTest(name = "{0} → 400 naming {2}")
    @MethodSource("invalidRequests")
    void eachValidationErrorNamesTheFieldAndTheValidChoices(String name, Consumer<Map<String, Object>> change, String field,
                                                            List<String> choices) {
        Map<String, Object> request = seedRequest();
        request.put("model_id", "invalid_" + UUID.randomUUID().toString().substring(0, 8));
        change.accept(request);
        Response r = api().post("/models", token(alice), request);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.has("title")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        List<JsonNode> errors = new ArrayList<>();
        problem.get("errors").forEach(errors::add);
        assertThat(errors).extracting(e -> e.get("field").asString()).containsExactly(field);
        JsonNode error = errors.get(0);
        assertThat(error.get("message").asString()).isNotBlank();
        if (choices.isEmpty()) {
            assertThat(error.has("valid_choices")).isFalse();
        } else {
            List<String> valid = new ArrayList<>();
            error.get("valid_choices").forEach(v -> valid.add(v.asString()));
            assertThat(valid).containsAll(choices);
        }
        assertThat(api().get("/models/" + request.get("model_id"), token(alice)).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateModelIdOfTheSameOwnerConflictsButAnotherOwnerMayUseIt() {
        Map<String, Object> request = seedRequest();
        request.put("model_id", "dup_model");
        assertThat(api().post("/models", token(alice), request).status()).isEqualTo(201);
        Response again = api().post("/models", token(alice), request);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api().post("/models", token(bob), request).status()).isEqualTo(201);
    }

    @Test
    void anotherUsersModelIsNotFoundAndNotListed() {
        Map<String, Object> request = seedRequest();
        request.put("model_id", "alices_model");
        assertThat(api().post("/models", token(alice), request).status()).isEqualTo(201);

        for (Response r : List.of(api().get("/models/alices_model", token(bob)),
                api().get("/models/alices_model/config", token(bob)),
                api().patch("/models/alices_model/status", token(bob), Map.of("status", "swept")),
                api().delete("/models/alices_model", token(bob)))) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
        }
        assertThat(api().get("/models", token(bob)).json().get("models")).isEmpty();

        JsonNode mine = api().get("/models", token(alice)).json().get("models");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asString()).isEqualTo("alices_model");
        assertThat(mine.get(0).get("status").asString()).isEqualTo("created");
        Response one = api().get("/models/alices_model", token(alice));
        assertThat(one.json().get("timeframe").asString()).isEqualTo("5m");
        assertThat(one.json().get("pack_version").asString()).isEqualTo("1.0.0");
        assertThat(one.json().get("parameter_overrides").get("rsi_period").asInt()).isEqualTo(21);
    }

    @Test
    void withoutAValidTokenEverythingAnswers401() {
        for (Response r : List.of(api().get("/models", null), api().post("/models", null, seedRequest()),
                api().get("/models/x/config", null),
                api().get("/models", TestIdentity.get().forgedToken(alice)),
                api().get("/models", TestIdentity.get().tokenFromIssuer("someone-else", alice)))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void theLifecycleFollowsItsTableAndEachChangeIsAnEvent() {
        Map<String, Object> request = seedRequest();
        request.put("model_id", "lifecycle_" + UUID.randomUUID().toString().substring(0, 8));
        request.put("timeframe", "1d");
        String id = (String) request.get("model_id");
        assertThat(api().post("/models", token(alice), request).status()).isEqualTo(201);
        String path = "/models/" + id + "/status";

        Response illegal = api().patch(path, token(alice), Map.of("status", "live"));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().get("detail").asString()).contains("created").contains("live");
        Response unknown = api().patch(path, token(alice), Map.of("status", "launched"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        for (String next : List.of("swept", "trained", "paper_trading", "paper_complete", "live")) {
            Response r = api().patch(path, token(alice), Map.of("status", next));
            assertThat(r.status()).as(next + ": " + r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo(next);
        }
        assertThat(api().patch(path, token(alice), Map.of("status", "live")).status()).as("same status: no-op").isEqualTo(200);
        assertThat(api().delete("/models/" + id, token(alice)).status()).as("live cannot be deleted").isEqualTo(409);
        assertThat(api().patch(path, token(alice), Map.of("status", "retired")).status()).isEqualTo(200);
        assertThat(api().patch(path, token(alice), Map.of("status", "swept")).status()).as("retired is terminal").isEqualTo(409);
        assertThat(api().delete("/models/" + id, token(alice)).status()).isEqualTo(204);
        assertThat(api().get("/models/" + id, token(alice)).status()).isEqualTo(404);

        String kafka = SigmatiqInfrastructure.start().kafkaBootstrapServers();
        List<Event> events = ModelEventsConsumer.await(kafka, e -> id.equals(e.key()), 8, Duration.ofSeconds(30));
        assertThat(events).extracting(Event::type).containsExactly("model.created",
                "model.status_changed", "model.status_changed", "model.status_changed", "model.status_changed",
                "model.status_changed", "model.status_changed", "model.deleted");
        assertThat(events).extracting(Event::eventId).doesNotHaveDuplicates();
        for (Event e : events) {
            JsonNode b = e.body();
            assertThat(fieldNames(b)).containsExactly("event_id", "type", "occurred_at", "version", "owner_id", "subject_id", "payload");
            assertThat(b.get("version").asInt()).isEqualTo(1);
            assertThat(b.get("owner_id").asString()).isEqualTo(alice);
            assertThat(b.get("subject_id").asString()).isEqualTo(id);
            assertThat(Instant.parse(b.get("occurred_at").asString())).isBefore(Instant.now().plusSeconds(1));
        }
        JsonNode created = events.get(0).body().get("payload");
        assertThat(created.get("model_id").asString()).isEqualTo(id);
        assertThat(created.get("pack_id").asString()).isEqualTo("swingsigma");
        assertThat(created.get("pack_version").asString()).isEqualTo("1.0.0");
        assertThat(created.get("strategy_id").asString()).isEqualTo("momentum_swing");
        assertThat(created.get("ticker").asString()).isEqualTo("SPY");
        assertThat(created.get("timeframe").asString()).isEqualTo("1d");
        JsonNode firstMove = events.get(1).body().get("payload");
        assertThat(firstMove.get("from").asString()).isEqualTo("created");
        assertThat(firstMove.get("to").asString()).isEqualTo("swept");
        assertThat(events.get(7).body().get("payload").get("model_id").asString()).isEqualTo(id);
    }

    @Test
    void healthReadinessAndOpenApiAreOpen() {
        Response health = api().get("/actuator/health/readiness", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/models/{id}/config")).isTrue();
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Sigmatiq model-service");
        assertThat(docs.json().get("info").get("description").asString()).contains("Models created from packs");
        assertThat(fieldNames(docs.json().get("components").get("schemas").get("CreateModelRequest").get("properties")))
                .contains("model_id", "pack_id", "selected_indicators", "parameter_overrides", "timeframe", "pack_version");
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        Response r = api().post("/models", token(alice), "{\"model_id\": \"x\", \"selected_indicators\": \"rsi\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("selected_indicators");
        assertThat(r.body()).doesNotContain("tools.jackson");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
