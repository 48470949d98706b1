package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.ModelRuntimeParityTest;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import com.sigmatiq.alert.support.AlertUpstreams;
import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.ml.Hyperparameters;
import com.sigmatiq.ml.MetaLabelTrainer;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.ml.TrainingRequest;
import com.sigmatiq.ml.TrainingSettings;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.testinfra.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published model attached to a replay, fed March 2011's 5-minute SPY bars over Kafka as market-data-service
 * publishes them: the runtime is built with the service's own token (pack, trained model, stored history for the
 * warm-up), and the alerts it stores are exactly the backtest's trades with the same trained confidence; the API
 * serves them, the evaluations and the stream to their owner only. A model on the live feed sees none of the replay.
 */
class ReplayIntegrationTest extends AlertIntegrationTestBase {

    @Test
    void aReplayedMarchGivesTheBacktestsAlertsToItsOwnerOnly() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().substring(0, 8);
        String live = "pub_" + UUID.randomUUID().toString().substring(0, 8);
        UPSTREAMS.addTrainedModel(owner, "spy_swing_momentum_v1_trained_001", artifacts);
        store.upsert(publication(pub, owner, replay), Instant.now());
        store.upsert(publication(live, owner, Publication.LIVE), Instant.now());

        // the owner's alert stream, open before the bars come
        List<String> streamed = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        CompletableFuture<?> stream = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/alerts/stream"))
                .header("Authorization", "Bearer " + JWKS.token(owner)).header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    if (line.startsWith("id:")) {
                        streamed.add(line.substring(3).trim());
                    }
                }));

        BarSeries b = Spy5m.BARS;
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int t = marchFrom; t < b.size(); t++) {
            BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(b.time()[t]),
                    Instant.ofEpochMilli(b.time()[t] + 300_000), b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t],
                    "replay", replay, t - marchFrom);
            sent.add(sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        int bars = b.size() - marchFrom;
        Awaitility.await("every replayed bar evaluated").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> evaluated(pub) == bars);

        List<Alert> stored = jdbc.sql("select alert::text from alerts where publication_id = ? order by bar_time, action")
                .param(pub).query(String.class).list().stream().map(a -> JSON.readValue(a, Alert.class)).toList();
        List<Alert> ordered = new ArrayList<>(stored);
        // a SELL and a BUY on one bar: the SELL first, as the runtime makes them
        ordered.sort(java.util.Comparator.comparing(Alert::timestamp).thenComparing(a -> a.signal().action().ordinal(),
                java.util.Comparator.reverseOrder()));
        assertThat(ModelRuntimeParityTest.seen(ordered)).containsExactlyElementsOf(ModelRuntimeParityTest.expected(trades, b));
        assertThat(evaluated(live)).as("the live model").isZero();
        // every alert came down the stream, once
        Awaitility.await("the stream").atMost(Duration.ofSeconds(20)).until(() -> streamed.size() >= stored.size());
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(stored.stream().map(Alert::alertId).toList());
        stream.cancel(true);

        // the API, to the owner only
        String token = JWKS.token(owner);
        TestApi api = new TestApi(port);
        JsonNode page = api.get("/alerts?published_model_id=" + pub + "&size=500", token).body();
        assertThat(page.path("total").asLong()).isEqualTo(stored.size());
        JsonNode first = page.path("alerts").get(0);
        assertThat(first.path("alert_id").asString()).startsWith("alert_" + pub + "_");
        assertThat(first.path("order_details").has("valid_until")).isTrue();
        assertThat(first.has("routing")).isTrue();
        JsonNode one = api.get("/alerts/" + first.path("alert_id").asString(), token).body();
        assertThat(one.path("signal").path("ticker").asString()).isEqualTo("SPY");
        JsonNode evaluations = api.get("/alerts/models/" + pub + "/evaluations?size=2", token).body();
        assertThat(evaluations.path("total").asLong()).isEqualTo(bars);
        JsonNode latest = evaluations.path("evaluations").get(0);
        assertThat(latest.path("timestamp").asString()).isEqualTo(Instant.ofEpochMilli(b.time()[b.size() - 1]).toString());
        assertThat(latest.path("indicators_calculated").has("rsi")).isTrue();
        assertThat(latest.path("features_calculated").has("momentum_composite")).isTrue();
        assertThat(latest.path("time_check").has("current_hour")).isTrue();
        assertThat(latest.path("ohlcv").path("close").asDouble()).isEqualTo(b.close()[b.size() - 1]);
        assertThat(latest.path("thresholds_check").path("confidence_threshold").asDouble()).isEqualTo(config.threshold());
        assertThat(latest.path("prediction").path("signal").asString()).isIn("BUY", "SELL", "HOLD", "WAIT");

        // how far the runtime has got, for the platform's services only
        String through = Instant.ofEpochMilli(b.time()[b.size() - 1]).toString();
        JsonNode progress = api.get("/alerts/internal/publications/" + pub + "/progress?through=" + through,
                JWKS.serviceToken("sim-service")).body();
        assertThat(progress.path("decided_from").asString()).isEqualTo(Instant.ofEpochMilli(b.time()[marchFrom]).toString());
        assertThat(progress.path("evaluated_through").asString()).isEqualTo(through);
        List<String> ids = new ArrayList<>();
        progress.path("alert_ids").forEach(id -> ids.add(id.asString()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(stored.stream().map(Alert::alertId).toList());
        assertThat(api.get("/alerts/internal/publications/" + pub + "/progress?through=" + through, token).status())
                .as("a user").isEqualTo(403);
        assertThat(api.get("/alerts/internal/publications/pub_unknown/progress?through=" + through,
                JWKS.serviceToken("sim-service")).status()).isEqualTo(404);
        assertThat(api.get("/alerts/internal/publications/" + pub + "/progress?through=soon",
                JWKS.serviceToken("sim-service")).status()).isEqualTo(400);

        String stranger = JWKS.token(UUID.randomUUID().toString());
        assertThat(api.get("/alerts/" + first.path("alert_id").asString(), stranger).status()).isEqualTo(404);
        assertThat(api.get("/alerts/models/" + pub + "/evaluations", stranger).status()).isEqualTo(404);
        assertThat(api.get("/alerts?published_model_id=" + pub, stranger).status()).isEqualTo(404);
        assertThat(api.get("/alerts", stranger).body().path("total").asLong()).isZero();
        assertThat(api.get("/alerts?from=yesterday", token).status()).isEqualTo(400);

        // the same bars again (a redelivery): nothing new
        long before = count("select count(*) from alerts where publication_id = ?", pub);
        BarClosed again = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(b.time()[b.size() - 1]),
                Instant.ofEpochMilli(b.time()[b.size() - 1] + 300_000), 1, 1, 1, 1, 1.0, "replay", replay, 99_999);
        sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), again, null, "SPY", Instant.now())).get();
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> count("select count(*) from alerts where publication_id = ?", pub) == before
                        && evaluated(pub) == bars);
    }

    /**
     * Models of one strategy with other thresholds, stops, sizes and hours on one replay: those whose signals are the
     * same share one signal stream in the runtime, and each one's alerts are still exactly its own backtest's trades.
     */
    @Test
    void modelsSharingSignalsOnAReplayEachGiveTheirOwnBacktest() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        UPSTREAMS.addTrainedModel(owner, "spy_swing_momentum_v1_trained_001", artifacts);
        List<Map<String, Object>> variants = List.of(
                Map.of("threshold", 0.45, "stop_loss_pct", 0.3),
                Map.of("threshold", 0.55, "take_profit_pct", 1.0, "position_size_pct", 5),
                Map.of("threshold", 0.5, "time_stop_days", 1),
                Map.of("threshold", 0.5, "allowed_hours", List.of(10, 11, 12, 13, 14)));
        Map<String, StrategyConfig> configs = new java.util.LinkedHashMap<>();
        for (Map<String, Object> v : variants) {
            Map<String, Object> c = new java.util.LinkedHashMap<>(config.toMap());
            c.putAll(v);
            String id = "pub_" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> overrides = new java.util.LinkedHashMap<>(c);
            overrides.remove("strategy_id");
            configs.put(id, StrategyConfig.resolve(Spy5m.PACK, "momentum_swing", overrides));
            store.upsert(new Publication(id, owner, "spy_swing_momentum_v1", "spy_swing_momentum_v1_trained_001", "SPY", "5m",
                    "swingsigma", "1.0.0", "momentum_swing", c, "variant", 1000, false, 50_000, replay, "alerting"), Instant.now());
        }
        BarSeries b = Spy5m.BARS;
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int t = marchFrom; t < b.size(); t++) {
            BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(b.time()[t]),
                    Instant.ofEpochMilli(b.time()[t] + 300_000), b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t],
                    "replay", replay, t - marchFrom);
            sent.add(sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        int bars = b.size() - marchFrom;
        Awaitility.await("every model evaluated every bar").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> configs.keySet().stream().allMatch(id -> evaluated(id) == bars));
        try (com.sigmatiq.ml.TrainedModel model = com.sigmatiq.ml.TrainedModel.load(artifacts)) {
            java.util.Set<Integer> tradeCounts = new java.util.HashSet<>();
            for (Map.Entry<String, StrategyConfig> e : configs.entrySet()) {
                List<com.sigmatiq.engine.backtest.Trade> expected = StrategyBacktest.run(e.getValue(), b, marchFrom, b.size(), null,
                        model.confidence(e.getValue().pack()), model.inputNames()).result().trades();
                List<Alert> stored = jdbc.sql("select alert::text from alerts where publication_id = ?").param(e.getKey())
                        .query(String.class).list().stream().map(a -> JSON.readValue(a, Alert.class))
                        .sorted(java.util.Comparator.comparing(Alert::timestamp).thenComparing(a -> a.signal().action().ordinal(),
                                java.util.Comparator.reverseOrder())).toList();
                assertThat(ModelRuntimeParityTest.seen(stored)).as(e.getKey())
                        .containsExactlyElementsOf(ModelRuntimeParityTest.expected(expected, b));
                tradeCounts.add(expected.size());
            }
            assertThat(tradeCounts).as("the variants trade differently").hasSizeGreaterThan(1);
        }
    }

    /**
     * The replay starts before the publication reaches the service (a model-service or alert-service restart can delay
     * it by many bars): the runtime is still warmed up before the replay's first bar and takes every bar of it, so its
     * alerts are the whole replay's backtest, not the part after the publication arrived.
     */
    @Test
    void aPublicationLearntAfterItsReplayStartedTakesTheReplayFromItsFirstBar() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().substring(0, 8);
        UPSTREAMS.addTrainedModel(owner, "spy_swing_momentum_v1_trained_001", artifacts);
        BarSeries b = Spy5m.BARS;
        int bars = b.size() - marchFrom;
        // past the backtest's first entry, so that taking the replay from where the publication arrived would miss it
        int arrives = trades.get(0).exitBar() + 1;
        assertThat(arrives).isLessThan(b.size());
        sendReplay(replay, marchFrom, arrives);
        Awaitility.await("the bars before the publication taken").atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.sql("select coalesce(sum(bars), 0) from streams where feed = ?").param(replay)
                        .query(Long.class).single() >= arrives - marchFrom);
        store.upsert(publication(pub, owner, replay), Instant.now());
        sendReplay(replay, arrives, b.size());

        Awaitility.await("every replayed bar evaluated").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> evaluated(pub) == bars);
        List<Alert> stored = jdbc.sql("select alert::text from alerts where publication_id = ?").param(pub)
                .query(String.class).list().stream().map(a -> JSON.readValue(a, Alert.class))
                .sorted(java.util.Comparator.comparing(Alert::timestamp).thenComparing(a -> a.signal().action().ordinal(),
                        java.util.Comparator.reverseOrder())).toList();
        assertThat(ModelRuntimeParityTest.seen(stored)).containsExactlyElementsOf(ModelRuntimeParityTest.expected(trades, b));
    }

    /** Bars {@code [from, to)} of March's 5-minute SPY as {@code replay}'s events, sent and acknowledged. */
    private void sendReplay(String replay, int from, int to) throws Exception {
        BarSeries b = Spy5m.BARS;
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int t = from; t < to; t++) {
            BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(b.time()[t]),
                    Instant.ofEpochMilli(b.time()[t] + 300_000), b.open()[t], b.high()[t], b.low()[t], b.close()[t], b.volume()[t],
                    "replay", replay, t - marchFrom);
            sent.add(sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
    }

    /** model-service's events, through the inbox: a publication is followed, paused, resumed and retired. */
    @Test
    void publicationsFollowModelServicesEvents() throws Exception {
        String owner = UUID.randomUUID().toString();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        com.sigmatiq.contracts.model.ModelPublished published = new com.sigmatiq.contracts.model.ModelPublished(pub,
                "spy_swing_momentum_v1", "spy_swing_momentum_v1_trained_001", 15, "SPY", "5m", "swingsigma", "1.0.0",
                "momentum_swing", config.toMap(), "SPY Morning Momentum", 3, true, 14, 50_000, "replay", "replay-x",
                "paper_trading", Instant.now(), null);
        var event = EventCatalog.envelope(UUID.randomUUID(), published, owner, pub, Instant.now());
        sender.send(com.sigmatiq.contracts.Topics.MODEL_EVENTS, event).get();
        sender.send(com.sigmatiq.contracts.Topics.MODEL_EVENTS, event).get(); // redelivered: the inbox takes it once
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.publication(pub).isPresent());
        Publication p = store.publication(pub).orElseThrow();
        assertThat(p.ownerId()).isEqualTo(owner);
        assertThat(p.feed()).isEqualTo("replay-x");
        assertThat(p.status()).isEqualTo("paper_trading");
        assertThat(p.maxAlertsPerDay()).isEqualTo(3);
        assertThat(store.following("SPY", "5m", "replay-x")).extracting(Publication::id).contains(pub);

        sender.send(com.sigmatiq.contracts.Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(),
                new com.sigmatiq.contracts.model.PublicationStatusChanged(pub, "spy_swing_momentum_v1", "paper_trading",
                        "paused", Instant.now()), owner, pub, Instant.now())).get();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "paused".equals(store.publication(pub).orElseThrow().status()));
        assertThat(store.following("SPY", "5m", "replay-x")).extracting(Publication::id).doesNotContain(pub);
        JsonNode followed = api().get("/alerts/models", JWKS.token(owner)).body();
        assertThat(followed.path("published_models").get(0).path("status").asString()).isEqualTo("paused");
    }
}
