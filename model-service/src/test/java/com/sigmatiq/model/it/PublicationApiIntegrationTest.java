package com.sigmatiq.model.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.model.support.ApiClient;
import com.sigmatiq.model.support.ApiClient.Response;
import com.sigmatiq.model.support.ModelEventsConsumer;
import com.sigmatiq.model.support.ModelEventsConsumer.Event;
import com.sigmatiq.model.support.StubPackService;
import com.sigmatiq.model.support.StubTrainingService;
import com.sigmatiq.model.support.TestIdentity;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing (seed 6.1) end to end on the embedded PostgreSQL and Kafka, training-service stood in by
 * {@link StubTrainingService} (per owner, as training-service answers): the seed's publish_request, the paper period
 * against the NYSE calendar, {@code model.published} and {@code model.publication_status_changed} on Kafka, every
 * refusal naming its field, the publication lifecycle with 409s naming the allowed transitions, the model's own move,
 * and isolation between users.
 */
@SigmatiqIntegrationTest
class PublicationApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };
    private static final String MODEL = "spy_swing_momentum_v1";
    private static final String TRAINED = "spy_swing_momentum_v1_trained_001";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIdentity.get().jwkSetUri());
        registry.add("sigmatiq.services.pack-service", () -> StubPackService.get().baseUrl());
        registry.add("sigmatiq.services.training-service", () -> StubTrainingService.get().baseUrl());
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

    private static String kafka() {
        return SigmatiqInfrastructure.start().kafkaBootstrapServers();
    }

    static LinkedHashMap<String, Object> seedPublishRequest() {
        try (InputStream in = PublicationApiIntegrationTest.class.getResourceAsStream("/seed/publish-request.json")) {
            return JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), MAP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(Map<String, Object> request) {
        return (Map<String, Object>) request.get("publish_settings");
    }

    /** The owner's model (the seed's request, 5m) moved to trained, and a completed trained model of it at training-service. */
    private void trainedModel(String owner, String modelId, String trainedModelId) {
        Map<String, Object> request = ModelApiIntegrationTest.seedRequest();
        request.put("model_id", modelId);
        if (api().get("/models/" + modelId, token(owner)).status() == 404) {
            assertThat(api().post("/models", token(owner), request).status()).isEqualTo(201);
            for (String next : List.of("swept", "trained")) {
                assertThat(api().patch("/models/" + modelId + "/status", token(owner), Map.of("status", next)).status())
                        .isEqualTo(200);
            }
        }
        StubTrainingService.get().completed(owner, trainedModelId, modelId, "5m");
    }

    private String modelStatus(String owner, String modelId) {
        return api().get("/models/" + modelId, token(owner)).json().get("status").asString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** The close of the {@code n}-th NYSE session whose 09:30 open is at or after {@code start}, counted from a list. */
    private static Instant closeOfNthWholeSession(Instant start, int n) {
        LocalDate from = start.atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
        List<LocalDate> whole = ExchangeCalendar.NYSE.sessions(from, from.plusDays(3L * n + 30)).stream()
                .filter(d -> !ExchangeCalendar.NYSE.open(d).toInstant().isBefore(start)).toList();
        return ExchangeCalendar.NYSE.close(whole.get(n - 1)).toInstant();
    }

    /**
     * 150 fuzzed publish requests (the seed's, mutated): never a 5xx, every refusal a problem document, and a refusal
     * stores no publication. The first accepted one publishes; later valid ones meet the one-publication rule (409).
     */
    @Test
    void fuzzedPublishRequestsNeverGive5xxAndRefusalsStoreNothing(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        String owner = UUID.randomUUID().toString();
        trainedModel(owner, MODEL, TRAINED);
        String seed = JSON.writeValueAsString(seedPublishRequest());
        List<com.sigmatiq.kit.web.testing.RequestFuzzer.Case> cases =
                com.sigmatiq.kit.web.testing.RequestFuzzer.cases(List.of(seed), 20261204L, 150);
        com.sigmatiq.kit.web.testing.FuzzRun.Report report = com.sigmatiq.kit.web.testing.FuzzRun.run(
                "model POST /published-models", cases, body -> {
                    Response r = api().post("/published-models", token(owner), body);
                    return new com.sigmatiq.kit.web.testing.FuzzRun.Answer(r.status(), r.header("Content-Type"), r.body());
                }, () -> Map.of("publications", jdbc.sql("select count(*) from publications where owner_id = ?")
                        .param(owner).query(Long.class).single()));
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void theSeedsPublishRequestAnswersTheSeedsResponseAndAnnouncesThePublication() {
        trainedModel(alice, MODEL, TRAINED);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Response r = api().post("/published-models", token(alice), seedPublishRequest());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(names(body)).containsExactly("success", "published_model");
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode pub = body.get("published_model");
        assertThat(names(pub)).containsExactly("id", "status", "paper_trade_start", "paper_trade_end", "live_date");
        String id = pub.get("id").asString();
        assertThat(id).matches("pub_[0-9a-f]{32}");
        assertThat(r.header("Location")).isEqualTo("/published-models/" + id);
        assertThat(pub.get("status").asString()).isEqualTo("paper_trading");
        Instant start = Instant.parse(pub.get("paper_trade_start").asString());
        assertThat(start).isBetween(before, Instant.now());
        Instant end = Instant.parse(pub.get("paper_trade_end").asString());
        assertThat(end).as("14 whole NYSE sessions after the start, at the 14th's close")
                .isEqualTo(closeOfNthWholeSession(start, 14));
        assertThat(Duration.between(start, end)).as("14 sessions take at least 18 calendar days").isGreaterThan(Duration.ofDays(17));
        assertThat(pub.get("live_date").asString()).isEqualTo(pub.get("paper_trade_end").asString());
        assertThat(StubTrainingService.get().subjects()).as("the caller's token is forwarded").contains(alice);
        assertThat(modelStatus(alice, MODEL)).isEqualTo("paper_trading");

        // the stored publication
        JsonNode one = api().get("/published-models/" + id, token(alice)).json();
        assertThat(one.get("id").asString()).isEqualTo(id);
        assertThat(one.get("model_id").asString()).isEqualTo(MODEL);
        assertThat(one.get("trained_model_id").asString()).isEqualTo(TRAINED);
        assertThat(one.get("status").asString()).isEqualTo("paper_trading");
        assertThat(one.get("paused_from").isNull()).isTrue();
        assertThat(JSON.convertValue(one.get("allowed_transitions"), List.class)).containsExactly("paper_complete", "paused", "retired");
        assertThat(JSON.convertValue(one.get("allowed_actions"), List.class)).containsExactly("pause", "retire");
        Map<String, Object> expectedSettings = new java.util.LinkedHashMap<>(settings(seedPublishRequest()));
        expectedSettings.put("recommendation_rules", Map.of());
        assertThat(JSON.convertValue(one.get("publish_settings"), MAP)).isEqualTo(expectedSettings);
        assertThat(one.get("paper_equity").asDouble()).isEqualTo(50_000.0);
        assertThat(one.get("feed").asString()).isEqualTo("live");
        JsonNode frozen = one.get("trained_model");
        assertThat(frozen.get("combo_id").asLong()).isEqualTo(15);
        assertThat(frozen.get("ticker").asString()).isEqualTo("SPY");
        assertThat(frozen.get("timeframe").asString()).isEqualTo("5m");
        assertThat(frozen.get("pack_id").asString()).isEqualTo("swingsigma");
        assertThat(frozen.get("pack_version").asString()).isEqualTo("1.0.0");
        assertThat(frozen.get("strategy_id").asString()).isEqualTo("momentum_swing");
        assertThat(JSON.convertValue(frozen.get("effective_config"), MAP)).containsExactlyEntriesOf(StubTrainingService.effectiveConfig());
        assertThat(one.get("paper_trade_end").asString()).isEqualTo(pub.get("paper_trade_end").asString());
        assertThat(one.get("history")).hasSize(1);
        assertThat(one.get("history").get(0).get("from").isNull()).isTrue();
        assertThat(one.get("history").get(0).get("to").asString()).isEqualTo("paper_trading");
        assertThat(one.get("history").get(0).get("reason").asString()).isEqualTo("published");
        assertThat(api().get("/published-models", token(alice)).json().get("published_models")).hasSize(1);

        // model.published, keyed and subject = the published id, owner = alice
        List<Event> published = ModelEventsConsumer.await(kafka(), e -> id.equals(e.key()), 1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        JsonNode envelope = published.get(0).body();
        assertThat(envelope.get("type").asString()).isEqualTo("model.published");
        assertThat(envelope.get("owner_id").asString()).isEqualTo(alice);
        assertThat(envelope.get("subject_id").asString()).isEqualTo(id);
        JsonNode p = envelope.get("payload");
        assertThat(names(p)).containsExactlyInAnyOrder("published_id", "model_id", "trained_model_id", "combo_id", "ticker",
                "timeframe", "pack_id", "pack_version", "strategy_id", "effective_config", "name", "max_alerts_per_day",
                "paper_trade_first", "paper_trade_duration_days", "paper_equity", "feed", "replay_id", "status", "published_at",
                "recommendation_rules");
        assertThat(p.get("published_id").asString()).isEqualTo(id);
        assertThat(p.get("model_id").asString()).isEqualTo(MODEL);
        assertThat(p.get("trained_model_id").asString()).isEqualTo(TRAINED);
        assertThat(p.get("combo_id").asLong()).isEqualTo(15);
        assertThat(p.get("ticker").asString()).isEqualTo("SPY");
        assertThat(p.get("timeframe").asString()).isEqualTo("5m");
        assertThat(p.get("pack_id").asString()).isEqualTo("swingsigma");
        assertThat(p.get("pack_version").asString()).isEqualTo("1.0.0");
        assertThat(p.get("strategy_id").asString()).isEqualTo("momentum_swing");
        assertThat(names(p.get("effective_config"))).as("key order kept")
                .containsExactlyElementsOf(StubTrainingService.effectiveConfig().keySet());
        assertThat(p.get("effective_config").get("rsi_period").asInt()).isEqualTo(21);
        assertThat(p.get("name").asString()).isEqualTo("SPY Morning Momentum");
        assertThat(p.get("max_alerts_per_day").asInt()).isEqualTo(3);
        assertThat(p.get("paper_trade_first").asBoolean()).isTrue();
        assertThat(p.get("paper_trade_duration_days").asInt()).isEqualTo(14);
        assertThat(p.get("paper_equity").asDouble()).isEqualTo(50_000.0);
        assertThat(p.get("feed").asString()).isEqualTo("live");
        assertThat(p.get("replay_id").isNull()).isTrue();
        assertThat(p.get("status").asString()).isEqualTo("paper_trading");
        assertThat(Instant.parse(p.get("published_at").asString())).isEqualTo(start);

        // and the model's own move
        List<Event> modelMoves = ModelEventsConsumer.await(kafka(), e -> MODEL.equals(e.key())
                && alice.equals(e.body().get("owner_id").asString()) && e.type().equals("model.status_changed")
                && e.body().get("payload").get("to").asString().equals("paper_trading"), 1, Duration.ofSeconds(30));
        assertThat(modelMoves).hasSize(1);
        assertThat(modelMoves.get(0).body().get("payload").get("from").asString()).isEqualTo("trained");
    }

    @Test
    void withoutPaperTradingOnAReplayItAlertsAndATrainedModelIsPublishedOnceAtATime() {
        trainedModel(alice, MODEL, TRAINED);
        Map<String, Object> request = seedPublishRequest();
        settings(request).put("paper_trade_first", false);
        settings(request).put("alert_frequency", "5m");
        request.put("paper_equity", 25_000);
        request.put("feed", Map.of("replay_id", "replay-7"));
        settings(request).put("recommendation_rules", Map.of("min_trades", 8, "max_drawdown", 0.05));

        Response r = api().post("/published-models", token(alice), request);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode pub = r.json().get("published_model");
        String id = pub.get("id").asString();
        assertThat(pub.get("status").asString()).isEqualTo("alerting");
        for (String date : List.of("paper_trade_start", "paper_trade_end", "live_date")) {
            assertThat(pub.get(date).isNull()).as(date).isTrue();
        }
        assertThat(modelStatus(alice, MODEL)).isEqualTo("alerting");
        JsonNode one = api().get("/published-models/" + id, token(alice)).json();
        assertThat(one.get("feed").get("replay_id").asString()).isEqualTo("replay-7");
        assertThat(one.get("paper_equity").asDouble()).isEqualTo(25_000.0);
        assertThat(one.get("publish_settings").get("paper_trade_duration_days").isNull()).isTrue();
        assertThat(JSON.convertValue(one.get("publish_settings").get("recommendation_rules"), MAP))
                .isEqualTo(Map.of("max_drawdown", 0.05, "min_trades", 8.0));
        JsonNode p = ModelEventsConsumer.await(kafka(), e -> id.equals(e.key()), 1, Duration.ofSeconds(30)).get(0)
                .body().get("payload");
        assertThat(p.get("feed").asString()).isEqualTo("replay");
        assertThat(p.get("recommendation_rules").get("min_trades").asDouble()).isEqualTo(8.0);
        assertThat(p.get("replay_id").asString()).isEqualTo("replay-7");
        assertThat(p.get("paper_trade_first").asBoolean()).isFalse();
        assertThat(p.get("paper_trade_duration_days").isNull()).isTrue();
        assertThat(p.get("paper_equity").asDouble()).isEqualTo(25_000.0);
        assertThat(p.get("status").asString()).isEqualTo("alerting");

        // the same trained model again: 409 naming the publication; a second trained model of the model is fine and
        // leaves the model's status as it is
        Response again = api().post("/published-models", token(alice), request);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(id);
        trainedModel(alice, MODEL, MODEL + "_trained_002");
        Map<String, Object> second = seedPublishRequest();
        second.put("trained_model_id", MODEL + "_trained_002");
        Response other = api().post("/published-models", token(alice), second);
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(other.json().get("published_model").get("status").asString()).isEqualTo("paper_trading");
        assertThat(modelStatus(alice, MODEL)).as("moved only from trained").isEqualTo("alerting");
        List<JsonNode> list = new ArrayList<>();
        api().get("/published-models", token(alice)).json().get("published_models").forEach(list::add);
        assertThat(list).extracting(n -> n.get("id").asString()).as("newest first")
                .containsExactly(other.json().get("published_model").get("id").asString(), id);

        // alerting pauses and resumes to alerting; once retired, the trained model can be published again
        assertThat(api().post("/published-models/" + id + "/pause", token(alice), Map.of()).json().get("status").asString())
                .isEqualTo("paused");
        assertThat(api().post("/published-models/" + id + "/resume", token(alice), Map.of()).json().get("status").asString())
                .isEqualTo("alerting");
        assertThat(api().delete("/models/" + MODEL, token(alice)).status()).as("publications still run").isEqualTo(409);
        assertThat(api().post("/published-models/" + id + "/retire", token(alice), Map.of()).status()).isEqualTo(200);
        Response republished = api().post("/published-models", token(alice), request);
        assertThat(republished.status()).as(republished.body()).isEqualTo(201);
        assertThat(republished.json().get("published_model").get("id").asString()).isNotEqualTo(id);
    }

    @Test
    void pauseResumeAndRetireFollowTheLifecycleAnnounceEachMoveAndRefuseTheRestNamingTheAllowedOnes() {
        trainedModel(alice, MODEL, TRAINED);
        String id = api().post("/published-models", token(alice), seedPublishRequest()).json().get("published_model")
                .get("id").asString();
        String base = "/published-models/" + id;

        Response paused = api().post(base + "/pause", token(alice), Map.of("reason", "earnings week"));
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("status").asString()).isEqualTo("paused");
        assertThat(paused.json().get("paused_from").asString()).isEqualTo("paper_trading");
        assertThat(JSON.convertValue(paused.json().get("allowed_transitions"), List.class)).containsExactly("paper_trading", "retired");
        assertThat(JSON.convertValue(paused.json().get("allowed_actions"), List.class)).containsExactly("resume", "retire");

        Response pausedAgain = api().post(base + "/pause", token(alice), null);
        assertThat(pausedAgain.status()).isEqualTo(409);
        assertThat(pausedAgain.header("Content-Type")).startsWith("application/problem+json");
        assertThat(pausedAgain.json().get("detail").asString()).contains("paused").contains("[paper_trading, retired]")
                .contains("[resume, retire]");

        Response resumed = api().post(base + "/resume", token(alice), null);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("status").asString()).isEqualTo("paper_trading");
        assertThat(resumed.json().get("paused_from").isNull()).isTrue();
        Response resumedAgain = api().post(base + "/resume", token(alice), null);
        assertThat(resumedAgain.status()).isEqualTo(409);
        assertThat(resumedAgain.json().get("detail").asString()).contains("[paper_complete, paused, retired]");

        Response retired = api().post(base + "/retire", token(alice), null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("retired");
        assertThat(retired.json().get("allowed_transitions")).isEmpty();
        for (String action : List.of("pause", "resume", "retire")) {
            Response r = api().post(base + "/" + action, token(alice), null);
            assertThat(r.status()).as(action).isEqualTo(409);
            assertThat(r.json().get("detail").asString()).contains("retired").contains("allowed transitions: []");
        }
        Response tooLong = api().post(base + "/retire", token(alice), Map.of("reason", "x".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        JsonNode history = api().get(base, token(alice)).json().get("history");
        assertThat(history).hasSize(4);
        assertThat(history.get(1).get("from").asString()).isEqualTo("paper_trading");
        assertThat(history.get(1).get("to").asString()).isEqualTo("paused");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("earnings week");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("resumed by owner");
        assertThat(history.get(3).get("to").asString()).isEqualTo("retired");

        List<Event> moves = ModelEventsConsumer.await(kafka(), e -> id.equals(e.key())
                && e.type().equals("model.publication_status_changed"), 3, Duration.ofSeconds(30));
        assertThat(moves).hasSize(3);
        assertThat(moves).extracting(e -> e.body().get("payload").get("from").asString() + "->"
                + e.body().get("payload").get("to").asString())
                .containsExactly("paper_trading->paused", "paused->paper_trading", "paper_trading->retired");
        for (int i = 0; i < 3; i++) {
            JsonNode envelope = moves.get(i).body();
            assertThat(envelope.get("owner_id").asString()).isEqualTo(alice);
            assertThat(envelope.get("subject_id").asString()).isEqualTo(id);
            JsonNode payload = envelope.get("payload");
            assertThat(names(payload)).containsExactlyInAnyOrder("published_id", "model_id", "from", "to", "at");
            assertThat(payload.get("published_id").asString()).isEqualTo(id);
            assertThat(payload.get("model_id").asString()).isEqualTo(MODEL);
            assertThat(Instant.parse(payload.get("at").asString())).isEqualTo(Instant.parse(history.get(i + 1).get("at").asString()));
        }
        assertThat(api().delete("/models/" + MODEL, token(alice)).status()).as("every publication retired").isEqualTo(204);
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        trainedModel(alice, MODEL, TRAINED);
        trainedModel(bob, "bobs_model", "bobs_model_trained_001");
        record Case(String field, Consumer<Map<String, Object>> change, String inMessage) {
        }
        List<Case> cases = List.of(
                new Case("trained_model_id", r -> r.remove("trained_model_id"), "required"),
                new Case("trained_model_id", r -> r.put("trained_model_id", "../x"), "letters"),
                new Case("trained_model_id", r -> r.put("trained_model_id", "no_such_trained_model"), "no completed trained model"),
                new Case("trained_model_id", r -> r.put("trained_model_id", "bobs_model_trained_001"), "no completed trained model"),
                new Case("publish_settings", r -> r.remove("publish_settings"), "required"),
                new Case("publish_settings.name", r -> settings(r).remove("name"), "required"),
                new Case("publish_settings.name", r -> settings(r).put("name", "n".repeat(201)), "200"),
                new Case("publish_settings.description", r -> settings(r).put("description", "d".repeat(2001)), "2000"),
                new Case("publish_settings.alert_frequency", r -> settings(r).put("alert_frequency", "15_minutes"), "5m"),
                new Case("publish_settings.alert_frequency", r -> settings(r).put("alert_frequency", "weekly"), "unknown"),
                new Case("publish_settings.max_alerts_per_day", r -> settings(r).put("max_alerts_per_day", 0), "got 0"),
                new Case("publish_settings.max_alerts_per_day", r -> settings(r).remove("max_alerts_per_day"), "required"),
                new Case("publish_settings.paper_trade_duration_days", r -> settings(r).put("paper_trade_duration_days", 0), "got 0"),
                new Case("publish_settings.paper_trade_duration_days", r -> settings(r).remove("paper_trade_duration_days"),
                        "required when paper_trade_first"),
                new Case("publish_settings.paper_trade_duration_days", r -> settings(r).put("paper_trade_duration_days", 261), "260"),
                new Case("publish_settings.recommendation_rules", r -> settings(r).put("recommendation_rules", 5), "object"),
                new Case("publish_settings.recommendation_rules.min_sharpe", r -> settings(r).put("recommendation_rules",
                        Map.of("min_sharpe", 1)), "unknown rule"),
                new Case("publish_settings.recommendation_rules.min_trades", r -> settings(r).put("recommendation_rules",
                        Map.of("min_trades", 2.5)), "whole number"),
                new Case("publish_settings.recommendation_rules.max_drawdown", r -> settings(r).put("recommendation_rules",
                        Map.of("max_drawdown", 0)), "above 0"),
                new Case("publish_settings.recommendation_rules.win_rate_tolerance", r -> settings(r).put("recommendation_rules",
                        Map.of("win_rate_tolerance", "a lot")), "got a lot"),
                new Case("paper_equity", r -> r.put("paper_equity", 0), "above 0"),
                new Case("paper_equity", r -> r.put("paper_equity", -5), "above 0"),
                new Case("feed", r -> r.put("feed", "tape"), "live"),
                new Case("feed", r -> r.put("feed", Map.of("replay", "r1")), "replay_id"),
                new Case("feed.replay_id", r -> r.put("feed", Map.of("replay_id", "../r1")), "letters"));
        for (Case c : cases) {
            Map<String, Object> request = seedPublishRequest();
            c.change().accept(request);
            Response r = api().post("/published-models", token(alice), request);
            assertThat(r.status()).as(c.field() + " " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            List<String> fields = new ArrayList<>();
            r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(r.body()).containsExactly(c.field());
            assertThat(r.json().get("errors").get(0).get("message").asString()).as(r.body()).contains(c.inMessage());
        }
        Map<String, Object> mismatch = seedPublishRequest();
        settings(mismatch).put("alert_frequency", "1_hour");
        String message = api().post("/published-models", token(alice), mismatch).json().get("errors").get(0).get("message")
                .asString();
        assertThat(message).contains("1_hour").contains("1h").contains("5m");
        Map<String, Object> unknown = seedPublishRequest();
        settings(unknown).put("alert_frequency", "weekly");
        assertThat(JSON.convertValue(api().post("/published-models", token(alice), unknown).json().get("errors").get(0)
                .get("valid_choices"), List.class)).contains("5_minutes", "5m", "daily");
        Map<String, Object> several = seedPublishRequest();
        settings(several).put("max_alerts_per_day", 0);
        several.put("paper_equity", 0);
        List<String> fields = new ArrayList<>();
        api().post("/published-models", token(alice), several).json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as("every problem at once").containsExactlyInAnyOrder("publish_settings.max_alerts_per_day", "paper_equity");

        assertThat(api().get("/published-models", token(alice)).json().get("published_models")).isEmpty();
        assertThat(modelStatus(alice, MODEL)).isEqualTo("trained");

        // not paper-trading first: the duration is neither needed nor kept
        Map<String, Object> noPaper = seedPublishRequest();
        settings(noPaper).put("paper_trade_first", false);
        settings(noPaper).put("paper_trade_duration_days", 0);
        assertThat(api().post("/published-models", token(alice), noPaper).status()).isEqualTo(201);
    }

    @Test
    void anotherUsersPublicationDoesNotExistForYou() {
        trainedModel(alice, MODEL, TRAINED);
        String id = api().post("/published-models", token(alice), seedPublishRequest()).json().get("published_model")
                .get("id").asString();

        assertThat(api().get("/published-models/" + id, token(bob)).status()).isEqualTo(404);
        assertThat(api().get("/published-models", token(bob)).json().get("published_models")).isEmpty();
        for (String action : List.of("pause", "resume", "retire")) {
            assertThat(api().post("/published-models/" + id + "/" + action, token(bob), null).status()).as(action).isEqualTo(404);
        }
        Response bobPublishes = api().post("/published-models", token(bob), seedPublishRequest());
        assertThat(bobPublishes.status()).isEqualTo(400);
        assertThat(bobPublishes.json().get("errors").get(0).get("field").asString()).isEqualTo("trained_model_id");
        assertThat(api().get("/published-models/" + id, token(alice)).json().get("status").asString()).isEqualTo("paper_trading");
        assertThat(api().get("/published-models", null).status()).isEqualTo(401);
        assertThat(api().post("/published-models", null, seedPublishRequest()).status()).isEqualTo(401);
        assertThat(api().get("/published-models/pub_nothing", token(alice)).status()).isEqualTo(404);
    }

    /**
     * sim-service's {@code paper.completed} moves the publication (and its model) to {@code paper_complete} with the
     * recommendation, announced once; a redelivery stops at the inbox, and another owner's event changes nothing.
     */
    @Test
    void paperCompletedMovesThePublicationAndItsModelToPaperCompleteWithItsRecommendationOnce() throws Exception {
        trainedModel(alice, MODEL, TRAINED);
        String id = api().post("/published-models", token(alice), seedPublishRequest()).json().get("published_model")
                .get("id").asString();
        assertThat(modelStatus(alice, MODEL)).isEqualTo("paper_trading");
        var done = new com.sigmatiq.contracts.paper.PaperCompleted(id, MODEL, "sim_" + id.substring(4), "APPROVE_FOR_LIVE_TRADING",
                Instant.parse("2011-03-01T14:30:00Z"), Instant.parse("2011-03-18T21:00:00Z"), 14, 8, 0.625, 1.68, 0.0425,
                Instant.now());
        var event = new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(), com.sigmatiq.contracts.paper.PaperCompleted.TYPE,
                Instant.now(), com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, alice, id, done);
        var strangers = new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(), com.sigmatiq.contracts.paper.PaperCompleted.TYPE,
                Instant.now(), com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, bob, id, done);
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", kafka());
        p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        p.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
            for (var e : List.of(strangers, event, event)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(com.sigmatiq.contracts.Topics.PAPER_EVENTS,
                        id, JSON.writeValueAsString(e))).get();
            }
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "paper_complete".equals(api().get("/published-models/" + id, token(alice)).json().get("status").asString()));
        JsonNode view = api().get("/published-models/" + id, token(alice)).json();
        assertThat(view.get("paper_recommendation").asString()).isEqualTo("APPROVE_FOR_LIVE_TRADING");
        assertThat(JSON.convertValue(view.get("allowed_transitions"), List.class)).containsExactly("live", "retired");
        List<JsonNode> history = new ArrayList<>();
        view.get("history").forEach(history::add);
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("paper trading complete: APPROVE_FOR_LIVE_TRADING");
        assertThat(modelStatus(alice, MODEL)).isEqualTo("paper_complete");
        List<Event> moves = ModelEventsConsumer.await(kafka(), e -> id.equals(e.key())
                && e.type().equals("model.publication_status_changed"), 1, Duration.ofSeconds(30));
        assertThat(moves).singleElement().satisfies(e -> assertThat(e.body().get("payload").get("to").asString())
                .isEqualTo("paper_complete"));
    }

    /**
     * pilot-service's {@code pilot.live_trading_approved} moves an approved {@code paper_complete} publication (and its
     * model) to {@code live}: at once for a date that has come, at the date for one to come; a redelivery stops at the
     * inbox, and another owner's event changes nothing.
     */
    @Test
    void aLiveTradingApprovalMovesThePublicationToLiveAtItsGoLiveDate() throws Exception {
        trainedModel(alice, MODEL, TRAINED);
        String id = api().post("/published-models", token(alice), seedPublishRequest()).json().get("published_model")
                .get("id").asString();
        var done = new com.sigmatiq.contracts.paper.PaperCompleted(id, MODEL, "sim_" + id.substring(4), "APPROVE_FOR_LIVE_TRADING",
                Instant.parse("2011-03-01T14:30:00Z"), Instant.parse("2011-03-18T21:00:00Z"), 14, 8, 0.625, 1.68, 0.0425,
                Instant.now());
        Instant goLive = Instant.now().plusSeconds(3);
        var approved = new com.sigmatiq.contracts.pilot.LiveTradingApproved(id, "acc_1", goLive, Instant.now());
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", kafka());
        p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        p.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(com.sigmatiq.contracts.Topics.PAPER_EVENTS, id,
                    JSON.writeValueAsString(new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(),
                            com.sigmatiq.contracts.paper.PaperCompleted.TYPE, Instant.now(),
                            com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, alice, id, done)))).get();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "paper_complete".equals(
                    api().get("/published-models/" + id, token(alice)).json().get("status").asString()));
            var event = new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(),
                    com.sigmatiq.contracts.pilot.LiveTradingApproved.TYPE, Instant.now(),
                    com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, alice, id, approved);
            var strangers = new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(),
                    com.sigmatiq.contracts.pilot.LiveTradingApproved.TYPE, Instant.now(),
                    com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, bob, id, approved);
            for (var e : List.of(strangers, event, event)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(com.sigmatiq.contracts.Topics.PILOT_EVENTS,
                        id, JSON.writeValueAsString(e))).get();
            }
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "live".equals(api().get("/published-models/" + id, token(alice)).json().get("status").asString()));
        assertThat(Instant.now()).isAfterOrEqualTo(goLive);
        JsonNode view = api().get("/published-models/" + id, token(alice)).json();
        List<JsonNode> history = new ArrayList<>();
        view.get("history").forEach(history::add);
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("reason").asString()).isEqualTo("approved for live trading");
        assertThat(modelStatus(alice, MODEL)).isEqualTo("live");
        List<Event> moves = ModelEventsConsumer.await(kafka(), e -> id.equals(e.key())
                && e.type().equals("model.publication_status_changed") && "live".equals(e.body().get("payload").get("to").asString()),
                1, Duration.ofSeconds(30));
        assertThat(moves).hasSize(1);
    }

    /**
     * The approval can come before {@code paper.completed} (two topics, two consumers; the chaos journey's model-service,
     * restarted, took them in that order): it is kept, and the publication goes live once its paper period is complete.
     */
    @Test
    void anApprovalThatComesBeforePaperCompletedTakesThePublicationLiveOnceItComes(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        trainedModel(alice, MODEL, TRAINED);
        String id = api().post("/published-models", token(alice), seedPublishRequest()).json().get("published_model")
                .get("id").asString();
        var approvedEvent = new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(),
                com.sigmatiq.contracts.pilot.LiveTradingApproved.TYPE, Instant.now(),
                com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, alice, id,
                new com.sigmatiq.contracts.pilot.LiveTradingApproved(id, "acc_1", Instant.now(), Instant.now()));
        var done = new com.sigmatiq.contracts.paper.PaperCompleted(id, MODEL, "sim_" + id.substring(4), "APPROVE_FOR_LIVE_TRADING",
                Instant.parse("2011-03-01T14:30:00Z"), Instant.parse("2011-03-18T21:00:00Z"), 14, 8, 0.625, 1.68, 0.0425,
                Instant.now());
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", kafka());
        p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        p.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(com.sigmatiq.contracts.Topics.PILOT_EVENTS,
                    id, JSON.writeValueAsString(approvedEvent))).get();
            // the approval taken (the inbox has it) while the publication is still paper_trading
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from event_inbox where event_id = ?").param(approvedEvent.eventId())
                    .query(Long.class).single() == 1);
            assertThat(api().get("/published-models/" + id, token(alice)).json().get("status").asString())
                    .isEqualTo("paper_trading");
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(com.sigmatiq.contracts.Topics.PAPER_EVENTS, id,
                    JSON.writeValueAsString(new com.sigmatiq.contracts.EventEnvelope<>(UUID.randomUUID(),
                            com.sigmatiq.contracts.paper.PaperCompleted.TYPE, Instant.now(),
                            com.sigmatiq.contracts.EventEnvelope.CURRENT_VERSION, alice, id, done)))).get();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "live".equals(api().get("/published-models/" + id, token(alice)).json().get("status").asString()));
        List<JsonNode> history = new ArrayList<>();
        api().get("/published-models/" + id, token(alice)).json().get("history").forEach(history::add);
        assertThat(history).extracting(h -> h.get("to").asString()).containsExactly("paper_trading", "paper_complete", "live");
        assertThat(modelStatus(alice, MODEL)).isEqualTo("live");
    }
}
