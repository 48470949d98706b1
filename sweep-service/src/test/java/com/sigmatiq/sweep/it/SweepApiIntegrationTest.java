package com.sigmatiq.sweep.it;

import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.cli.SigmatiqCommand;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.engine.sweep.SweepGrid;
import com.sigmatiq.engine.sweep.SweepRunner;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.sweep.support.StubUpstreams;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API end to end on the embedded PostgreSQL and Kafka: requests, leaderboard, results, errors, isolation. */
class SweepApiIntegrationTest extends IntegrationTestBase {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void seedSimpleSweepRunsToACompleteLeaderboard() {
        String token = newUserWithModel();
        TestApi api = api();
        TestApi.Response created = api.post("/sweeps", token, SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().path("total_combinations").asLong()).isEqualTo(45);
        String id = created.body().path("sweep_id").asString();
        assertThat(created.body().path("status").asString()).isIn("queued", "running", "completed");

        JsonNode sweep = awaitStatus(id, token, "completed", Duration.ofSeconds(60));
        assertThat(sweep.path("progress").path("done").asLong()).isEqualTo(45);
        assertThat(sweep.path("progress").path("total").asLong()).isEqualTo(45);
        List<String> log = new ArrayList<>();
        sweep.path("execution_log").forEach(e -> {
            assertThat(e.has("timestamp")).isTrue();
            assertThat(e.has("message")).isTrue();
            log.add(e.path("status").asString());
        });
        assertThat(log.get(0)).isEqualTo("started");
        assertThat(log).contains("processing", "completed");

        // exactly one stored result per combination, every one deflated
        assertThat(jdbc.sql("select count(*) from sweep_results where sweep_id = ?").param(UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(45);
        assertThat(jdbc.sql("select count(*) from sweep_combinations where sweep_id = ?").param(UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(45);

        JsonNode lb = api.get("/sweeps/" + id + "/leaderboard?size=100", token).body();
        assertThat(lb.path("total_combinations").asLong()).isEqualTo(45);
        assertThat(lb.path("passed_gates").asLong() + lb.path("failed_gates").asLong()).isEqualTo(45);
        JsonNode rows = lb.path("leaderboard");
        assertThat(rows.size()).isEqualTo(45);
        JsonNode first = rows.get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("config").path("threshold").isNumber()).isTrue();
        assertThat(first.path("config").has("allowed_hours")).isTrue();
        assertThat(first.path("config").has("position_size_pct")).isTrue();
        assertThat(first.has("deflated_sharpe")).isTrue();
        assertThat(first.path("gate").asString()).isIn("PASS", "FAIL");
        assertThat(first.path("selection_checkbox").asBoolean()).isFalse();
        double prev = Double.POSITIVE_INFINITY;
        for (JsonNode r : rows) {
            assertThat(r.path("sharpe").asDouble()).isLessThanOrEqualTo(prev);
            prev = r.path("sharpe").asDouble();
        }

        // the same numbers as the engine's in-process sweep runner over the same bars
        Map<Long, Double> engine = engineSharpes(SeedRequests.simple("x", "2011-03-01", "2011-03-31"));
        for (JsonNode r : rows) {
            assertThat(r.path("sharpe").asDouble()).isEqualTo(engine.get(r.path("combo_id").asLong()));
        }

        // sort by another metric, ascending; filter; page
        JsonNode byReturn = api.get("/sweeps/" + id + "/leaderboard?sort=return&order=asc&size=5&page=1", token).body();
        assertThat(byReturn.path("leaderboard").size()).isEqualTo(5);
        assertThat(byReturn.path("leaderboard").get(0).path("rank").asInt()).isEqualTo(6);
        assertThat(byReturn.path("leaderboard").get(0).path("return").asDouble())
                .isLessThanOrEqualTo(byReturn.path("leaderboard").get(4).path("return").asDouble());
        JsonNode failed = api.get("/sweeps/" + id + "/leaderboard?gate=FAIL&size=100", token).body();
        assertThat(failed.path("total_rows").asLong()).isEqualTo(lb.path("failed_gates").asLong());
        failed.path("leaderboard").forEach(r -> assertThat(r.path("gate").asString()).isEqualTo("FAIL"));
        TestApi.Response badSort = api.get("/sweeps/" + id + "/leaderboard?sort=nope", token);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.body().path("errors").get(0).path("field").asString()).isEqualTo("sort");
        assertThat(badSort.body().path("errors").get(0).path("valid_choices").toString()).contains("deflated_sharpe");

        // one result, recomputed: the same metrics, with trades and the equity curve
        long combo = first.path("combo_id").asLong();
        JsonNode result = api.get("/sweeps/" + id + "/results/" + combo, token).body();
        assertThat(result.path("combo_id").asLong()).isEqualTo(combo);
        assertThat(result.path("model_id").asString()).isEqualTo("spy_swing_momentum_v1");
        assertThat(result.path("config").path("rsi_period").asInt()).isEqualTo(21);
        assertThat(result.path("metrics").path("sharpe_ratio").asDouble()).isEqualTo(first.path("sharpe").asDouble());
        assertThat(result.path("metrics").path("deflated_sharpe_ratio").asDouble()).isEqualTo(first.path("deflated_sharpe").asDouble());
        assertThat(result.path("metrics").path("total_trades").asInt()).isEqualTo(first.path("trades").asInt());
        assertThat(result.path("gate_results").path("pass").asBoolean()).isEqualTo(first.path("gate").asString().equals("PASS"));
        assertThat(result.path("trades").size()).isEqualTo(first.path("trades").asInt());
        if (result.path("trades").size() > 0) {
            JsonNode t = result.path("trades").get(0);
            assertThat(t.has("entry_date") && t.has("exit_date") && t.has("entry_price") && t.has("exit_price")
                    && t.has("return") && t.has("duration_days")).isTrue();
        }
        assertThat(result.path("equity_curve").size()).isGreaterThan(10);
        assertThat(api.get("/sweeps/" + id + "/results/99999", token).status()).isEqualTo(404);

        // sweep.completed left through the outbox, once, with the id derived from the sweep; moving the model to swept is
        // model-service's answer to it: sweep-service asks nothing of model-service over HTTP
        List<JsonNode> completed = completedEvents(id);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).path("event_id").asString())
                .isEqualTo(UUID.nameUUIDFromBytes(("sweep.completed:" + id).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is not null and serialized_event like ?")
                .param("%\"subject_id\":\"" + id + "\"%").query(Long.class).single()).isEqualTo(1);
        assertThat(UPSTREAMS.statusChanges()).isEmpty();

        // server-sent events of a finished sweep: the final event, then the stream ends
        String sse = api.stream("/sweeps/" + id + "/events", token);
        assertThat(sse).contains("event:completed").contains("\"done\":45");

        // cancelling a completed sweep is a conflict
        assertThat(api.post("/sweeps/" + id + "/cancel", token, null).status()).isEqualTo(409);
    }

    @Test
    void holdoutReportsOutOfSampleMetrics() {
        String token = newUserWithModel();
        Map<String, Object> req = SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31");
        req.put("holdout_pct", 25);
        TestApi.Response created = api().post("/sweeps", token, req);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("sweep_id").asString();
        awaitStatus(id, token, "completed", Duration.ofSeconds(60));
        JsonNode lb = api().get("/sweeps/" + id + "/leaderboard?sort=holdout_sharpe", token).body();
        JsonNode row = lb.path("leaderboard").get(0);
        assertThat(row.path("holdout").has("sharpe")).isTrue();
        assertThat(row.path("holdout").path("gate").asString()).isIn("PASS", "FAIL");
        JsonNode result = api().get("/sweeps/" + id + "/results/" + row.path("combo_id").asLong(), token).body();
        assertThat(result.path("holdout").path("metrics").path("sharpe_ratio").asDouble()).isEqualTo(row.path("holdout").path("sharpe").asDouble());
        LocalDate inEnd = LocalDate.parse(result.path("date_range").path("end").asString());
        LocalDate holdStart = LocalDate.parse(result.path("holdout").path("date_range").path("start").asString());
        assertThat(holdStart).isAfter(inEnd);
    }

    @Test
    void badRequestsNameTheField() {
        String token = newUserWithModel();
        TestApi api = api();

        Map<String, Object> unknown = SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31");
        ((Map<String, Object>) unknown.get("parameters")).put("rsi_periodd", List.of(14));
        TestApi.Response r = api.post("/sweeps", token, unknown);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("parameters.rsi_periodd");
        assertThat(r.body().path("errors").get(0).path("valid_choices").toString()).contains("rsi_period", "stop_loss_pct");
        assertThat(r.raw()).doesNotContain("Exception");

        Map<String, Object> empty = SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31");
        ((Map<String, Object>) empty.get("parameters")).put("position_size_pct", List.of());
        r = api.post("/sweeps", token, empty);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("parameters.position_size_pct");

        // the seed's own dates: the bundled data is March 2011
        r = api.post("/sweeps", token, SeedRequests.simple("spy_swing_momentum_v1", "2022-01-01", "2023-12-31"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("date_range.end");
        assertThat(r.body().path("errors").get(0).path("message").asString()).contains("2011-03-01").contains("2011-03-31");
        r = api.post("/sweeps", token, SeedRequests.simple("spy_swing_momentum_v1", "2011-02-01", "2011-03-31"));
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("date_range.start");

        Map<String, Object> big = SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31");
        ((Map<String, Object>) big.get("parameters")).put("time_stop_days", List.of(1, 2, 3, 4, 5, 6));
        r = api.post("/sweeps", token, big);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("parameters");
        assertThat(r.body().path("errors").get(0).path("message").asString()).contains("113400").contains("100000");

        Map<String, Object> gates = SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31");
        gates.put("quality_gates", Map.of("min_trade", 3));
        r = api.post("/sweeps", token, gates);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("quality_gates");

        r = api.post("/sweeps", token, SeedRequests.simple("no_such_model", "2011-03-01", "2011-03-31"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("model_id");

        r = api.post("/sweeps", token, "{\"model_id\": \"spy_swing_momentum_v1\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").toString()).contains("date_range.start", "parameters");
        assertThat(r.body().path("status").asInt()).isEqualTo(400);
        assertThat(r.body().path("title").asString()).isEqualTo("Invalid sweep request");
    }

    @Test
    void sweepsArePrivateAndNeedAToken() {
        String alice = newUserWithModel();
        String bob = newUserWithModel();
        TestApi api = api();
        TestApi.Response created = api.post("/sweeps", alice, SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"));
        String id = created.body().path("sweep_id").asString();
        assertThat(api.get("/sweeps/" + id, bob).status()).isEqualTo(404);
        assertThat(api.get("/sweeps/" + id + "/leaderboard", bob).status()).isEqualTo(404);
        assertThat(api.get("/sweeps/" + id + "/results/1", bob).status()).isEqualTo(404);
        assertThat(api.post("/sweeps/" + id + "/cancel", bob, null).status()).isEqualTo(404);
        assertThat(api.get("/sweeps/" + id + "/events", bob).status()).isEqualTo(404);
        assertThat(api.get("/sweeps/" + id, null).status()).isEqualTo(401);
        assertThat(api.post("/sweeps", null, SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31")).status())
                .isEqualTo(401);
        assertThat(api.get("/sweeps/not-a-uuid", alice).status()).isEqualTo(404);
        assertThat(api.get("/sweeps/" + id, alice).status()).isEqualTo(200);
    }

    @Test
    void cancelStopsASweep() {
        String token = newUserWithModel();
        TestApi.Response created = api().post("/sweeps", token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().path("total_combinations").asLong()).isEqualTo(18900);
        String id = created.body().path("sweep_id").asString();
        TestApi.Response cancelled = api().post("/sweeps/" + id + "/cancel", token, null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.body().path("execution_log").toString()).contains("cancelled");
        // a second cancel changes nothing
        assertThat(api().post("/sweeps/" + id + "/cancel", token, null).body().path("status").asString()).isEqualTo("cancelled");
    }

    /**
     * A 5-minute model: the service reads market-data's 5m bars (resampled from minutes, extended hours kept) from the
     * first bar the data has and decides only inside the range; {@code ./sigmatiq backtest --timeframe 5m} on the
     * minute file with the same configuration and range must give the same trades and metrics.
     */
    @Test
    void aResultOnFiveMinuteBarsEqualsTheCommandLineBacktest(@TempDir Path tmp) {
        String user = UUID.randomUUID().toString();
        UPSTREAMS.addModel(user, "spy_5m", "5m");
        String token = JWKS.token(user);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model_id", "spy_5m");
        request.put("date_range", Map.of("start", "2011-03-14", "end", "2011-03-31"));
        request.put("parameters", Map.of("threshold", List.of(0.5, 0.75)));
        TestApi.Response created = api().post("/sweeps", token, request);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("sweep_id").asString();
        awaitStatus(id, token, "completed", Duration.ofSeconds(60));

        for (int combo = 1; combo <= 2; combo++) {
            JsonNode service = api().get("/sweeps/" + id + "/results/" + combo, token).body();
            Path out = tmp.resolve("combo" + combo);
            int exit = SigmatiqCommand.commandLine().execute("backtest",
                    "--data", StubUpstreams.repoRoot().resolve("data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv").toString(),
                    "--bar-end", "--timeframe", "5m", "--pack", StubUpstreams.repoRoot().resolve("packs/swingsigma").toString(),
                    "--strategy", "momentum_swing", "--set", "rsi_period=21", "--set", "stop_loss_pct=6",
                    "--set", "max_position_pct=3", "--set", "threshold=" + (combo == 1 ? "0.5" : "0.75"),
                    "--from", "2011-03-14", "--to", "2011-03-31", "--out", out.toString());
            assertThat(exit).isZero();
            JsonNode cli = json.readTree(out.resolve("result.json").toFile());
            JsonNode trades = service.path("trades");
            assertThat(trades.size()).as("combo %d trades", combo).isEqualTo(cli.path("trades").size()).isPositive();
            for (int i = 0; i < trades.size(); i++) {
                JsonNode a = trades.get(i);
                JsonNode b = cli.path("trades").get(i);
                assertThat(a.path("entry_time").asString()).isEqualTo(b.path("entry_time").asString());
                assertThat(a.path("exit_time").asString()).isEqualTo(b.path("exit_time").asString());
                assertThat(a.path("entry_price").asDouble()).isEqualTo(b.path("entry_price").asDouble());
                assertThat(a.path("exit_price").asDouble()).isEqualTo(b.path("exit_price").asDouble());
                assertThat(a.path("exit_reason").asString()).isEqualTo(b.path("exit_reason").asString());
            }
            for (String metric : List.of("total_return", "sharpe_ratio", "sortino_ratio", "max_drawdown", "total_trades",
                    "win_rate", "exposure")) {
                assertThat(service.path("metrics").path(metric).asDouble()).as("%s of combo %d", metric, combo)
                        .isEqualTo(cli.path("metrics").path(metric).asDouble());
            }
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryAnswer() {
        TestApi.Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("info").path("title").asString()).isEqualTo("Sigmatiq sweep-service");
        assertThat(docs.body().path("info").path("description").asString()).contains("parameter sweeps");
        JsonNode schemas = docs.body().path("components").path("schemas");
        for (String answer : List.of("Created", "Sweep", "SweepList", "SweepSummary", "Leaderboard", "Result")) {
            assertThat(schemas.has(answer)).as(answer).isTrue();
        }
        List<String> leaderboard = new ArrayList<>();
        schemas.path("Leaderboard").path("properties").propertyNames().forEach(leaderboard::add);
        assertThat(leaderboard).contains("sweep_id", "total_combinations", "passed_gates", "leaderboard");
        List<String> row = new ArrayList<>();
        schemas.path("LeaderboardRow").path("properties").propertyNames().forEach(row::add);
        assertThat(row).contains("combo_id", "sharpe", "deflated_sharpe", "return", "gate", "selection_checkbox");
        JsonNode get = docs.body().path("paths").path("/sweeps/{id}/leaderboard").path("get");
        assertThat(get.path("responses").path("200").path("content").toString()).contains("#/components/schemas/Leaderboard");
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Double> engineSharpes(Map<String, Object> request) {
        StubUpstreams stub = UPSTREAMS;
        var pack = PackLoader.load(StubUpstreams.repoRoot().resolve("packs/swingsigma"));
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("rsi_period", 21);
        overrides.put("stop_loss_pct", 6);
        overrides.put("max_position_pct", 3);
        StrategyConfig base = StrategyConfig.resolve(pack, "momentum_swing", overrides);
        Map<String, List<?>> params = new LinkedHashMap<>();
        ((Map<String, Object>) request.get("parameters")).forEach((k, v) -> params.put(k, (List<?>) v));
        SweepGrid grid = SweepGrid.of(base, params);
        // the service asks market-data-service for every bar, extended hours included (exits act on all of them)
        BarSeries bars = stub.bars();
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), LocalDate.parse("2011-03-01"), LocalDate.parse("2011-03-31"));
        SweepRunner.Outcome o = SweepRunner.run(new SweepRunner.Request(grid, bars, range[0], range[1], Map.of()),
                new SweepRunner.Options(0, 1, null, null));
        Map<Long, Double> m = new LinkedHashMap<>();
        for (SweepRunner.ComboResult r : o.results()) {
            m.put(r.comboId(), r.metrics().sharpeRatio());
        }
        return m;
    }

    private List<JsonNode> completedEvents(String sweepId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", SigmatiqInfrastructure.start().kafkaBootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("sweep.events"));
            List<JsonNode> found = new ArrayList<>();
            Awaitility.await("sweep.completed of " + sweepId).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    JsonNode e = json.readTree(r.value());
                    if (sweepId.equals(e.path("subject_id").asString())) {
                        assertThat(e.path("type").asString()).isEqualTo("sweep.completed");
                        assertThat(e.path("version").asInt()).isEqualTo(1);
                        assertThat(e.path("payload").path("model_id").asString()).isEqualTo("spy_swing_momentum_v1");
                        assertThat(e.path("payload").path("total_combinations").asLong()).isEqualTo(45);
                        found.add(e);
                    }
                }
                return !found.isEmpty();
            });
            return found;
        }
    }
}
