package com.sigmatiq.sim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.sim.support.PaperAlerts;
import com.sigmatiq.sim.support.Trained;
import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * A model trained on January 2011, published to paper-trade over a replay of March 2011: the bars come over Kafka as
 * market-data-service replays them and the alerts as alert-service sends them (after their bars, and some twice); the
 * paper trades are the engine's backtest's to the cent, the period ends with its last session, and the performance,
 * reconciliation and recommendation are stored and announced on {@code paper.events}. Only the owner sees the account.
 */
class PaperTradingIntegrationTest extends SimIntegrationTestBase {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aReplayedMarchIsPaperTradedAsItsBacktestToTheCentAndEndsInARecommendation() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        UPSTREAMS.addTrainedModel(owner, TRAINED, Trained.ARTIFACTS, 1.2);
        int from = Trained.MARCH;
        int to = BARS.size();
        SessionClock clock = SessionClock.of(BARS);
        int sessions = clock.session(to - 1) - clock.session(from) + 1;

        publish(owner, published(pub, "replay", replay, sessions, 1000));
        publish(owner, published(pub, "replay", replay, sessions, 1000)); // redelivered under another event id
        String token = JWKS.token(owner);
        TestApi api = api();
        JsonNode list = api.await("/sim/accounts?published_model_id=" + pub, token,
                b -> b.path("accounts").size() == 1, Duration.ofSeconds(30));
        String account = list.path("accounts").get(0).path("account_id").asString();
        assertThat(account).isEqualTo("sim_" + pub.substring(4));
        assertThat(list.path("accounts").get(0).path("starting_equity").asDouble()).isEqualTo(50_000);

        // the account's events, open before the bars
        List<String> events = new CopyOnWriteArrayList<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        CompletableFuture<?> stream = client.sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/sim/accounts/" + account + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        events.add(line.substring(6).trim());
                    }
                }));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(300)).until(() -> true);

        // the bars of March, then every alert (late: their bars are all taken), some of them twice
        replay(replay, from, to);
        List<PaperAlerts.Sent> alerts;
        try (TrainedModel model = Trained.model()) {
            alerts = PaperAlerts.of(pub, Trained.CONFIG, model, 1000, BARS, from, to, 50_000);
        }
        for (PaperAlerts.Sent a : alerts) {
            alert(pub, a.document());
        }
        for (PaperAlerts.Sent a : alerts.subList(0, 6)) {
            alert(pub, a.document());
        }
        alert(pub, "{\"not\": \"an alert\"}");

        JsonNode performance = api.await("/sim/accounts/" + account + "/performance", token,
                b -> "complete".equals(b.path("status").asString()), Duration.ofMinutes(2));

        // paper = backtest, to the cent: every round trip, and the daily equity
        BacktestResult backtest = Trained.backtest(BARS, from, to, 50_000);
        JsonNode trades = api.get("/sim/accounts/" + account + "/trades", token).body();
        JsonNode trips = trades.path("round_trips");
        assertThat(trips.size()).isEqualTo(backtest.trades().size()).isGreaterThan(10);
        for (int i = 0; i < trips.size(); i++) {
            Trade b = backtest.trades().get(i);
            JsonNode p = trips.get(i);
            assertThat(Instant.parse(p.path("entry_time").asString()).toEpochMilli()).isEqualTo(b.entryTime());
            assertThat(Instant.parse(p.path("exit_time").asString()).toEpochMilli()).isEqualTo(b.exitTime());
            assertThat(p.path("entry_price").asDouble()).isEqualTo(b.entryPrice());
            assertThat(p.path("exit_price").asDouble()).isEqualTo(b.exitPrice());
            assertThat(p.path("shares").asDouble()).isEqualTo(b.shares());
            assertThat(p.path("pnl").asDouble()).isEqualTo(b.pnl());
            assertThat(p.path("exit_reason").asString()).isEqualTo(b.exitReason().id());
        }
        // each alert filled once: every BUY fill names a different alert
        JsonNode fills = trades.path("trades");
        assertThat(fills.size()).isEqualTo(2 * backtest.trades().size());
        List<String> buyAlerts = new ArrayList<>();
        fills.forEach(f -> {
            if ("BUY".equals(f.path("side").asString())) {
                buyAlerts.add(f.path("alert_id").asString());
            }
        });
        assertThat(buyAlerts).doesNotHaveDuplicates().hasSize(backtest.trades().size());
        JsonNode first = fills.get(0);
        assertThat(first.path("paper_trade_id").asString()).matches("sim_2011030\\d_00\\d");
        assertThat(first.path("alert_id").asString()).startsWith("alert_" + pub + "_");
        assertThat(first.path("execution").path("status").asString()).isEqualTo("filled");
        assertThat(first.path("execution").path("slippage").asDouble()).isNegative();
        assertThat(first.path("execution").has("fill_time")).isTrue();
        assertThat(first.path("execution").has("commission")).isTrue();
        for (String field : List.of("ticker", "quantity", "entry_price", "current_price", "unrealized_pnl", "unrealized_pnl_pct")) {
            assertThat(first.path("position").has(field)).as(field).isTrue();
        }
        JsonNode equity = api.get("/sim/accounts/" + account + "/equity", token).body();
        assertThat(equity.path("curve").size()).isEqualTo(sessions);
        for (int i = 0; i < sessions; i++) {
            assertThat(equity.path("curve").get(i).path("equity").asDouble()).isEqualTo(backtest.dailyEquity()[i]);
        }

        // the seed's 7.4 shape, the reconciliation and the recommendation with its checks
        assertThat(performance.path("model_id").asString()).isEqualTo(pub);
        assertThat(performance.path("period").asString()).isEqualTo("2011-03-01 to 2011-03-31");
        JsonNode results = performance.path("paper_trading_results");
        for (String field : List.of("total_trades", "winning_trades", "losing_trades", "win_rate", "total_return",
                "sharpe_ratio", "max_drawdown", "avg_trade_return", "best_trade", "worst_trade")) {
            assertThat(results.has(field)).as(field).isTrue();
        }
        assertThat(results.path("total_trades").asInt()).isEqualTo(backtest.trades().size());
        assertThat(results.path("sharpe_ratio").asDouble()).isEqualTo(backtest.metrics().sharpeRatio());
        assertThat(results.path("total_return").asDouble()).isEqualTo(backtest.metrics().totalReturn());
        assertThat(performance.path("comparison_to_backtest").path("sharpe").path("backtest").asDouble()).isEqualTo(1.2);
        assertThat(performance.path("comparison_to_backtest").path("win_rate").has("difference")).isTrue();
        JsonNode reconciliation = performance.path("reconciliation");
        assertThat(reconciliation.path("matched").asInt()).isEqualTo(backtest.trades().size());
        assertThat(reconciliation.path("identical").asInt()).isEqualTo(backtest.trades().size());
        assertThat(reconciliation.path("mismatches").asInt()).isZero();
        assertThat(reconciliation.path("missing").size()).isZero();
        assertThat(reconciliation.path("extra").size()).isZero();
        assertThat(reconciliation.path("max_price_difference").asDouble()).isZero();
        String recommendation = performance.path("recommendation").asString();
        assertThat(recommendation).isIn("APPROVE_FOR_LIVE_TRADING", "REJECT", "EXTEND_PAPER_TRADING");
        JsonNode checks = performance.path("recommendation_checks");
        assertThat(checks.path("min_trades").path("actual").asInt()).isEqualTo(backtest.trades().size());
        assertThat(checks.path("max_reconciliation_mismatches").path("pass").asBoolean()).isTrue();
        boolean allPass = true;
        for (JsonNode c : checks) {
            assertThat(c.has("required") && c.has("actual") && c.has("pass")).isTrue();
            allPass &= c.path("pass").asBoolean();
        }
        assertThat(recommendation).isEqualTo(allPass ? "APPROVE_FOR_LIVE_TRADING" : "REJECT");

        // announced once on paper.events, with the recommendation
        assertThat(completions(pub)).singleElement().satisfies(e -> {
            assertThat(e.path("type").asString()).isEqualTo("paper.completed");
            assertThat(e.path("owner_id").asString()).isEqualTo(owner);
            assertThat(e.path("payload").path("recommendation").asString()).isEqualTo(recommendation);
            assertThat(e.path("payload").path("total_trades").asInt()).isEqualTo(backtest.trades().size());
        });
        Awaitility.await("fill and mark events").atMost(Duration.ofSeconds(10))
                .until(() -> events.contains("fill") && events.contains("mark") && events.contains("completed"));
        stream.cancel(true);

        // a late alert after completion is kept, not applied: nothing changes
        alert(pub, PaperAlerts.buyDocument(pub, BARS.time()[to - 3], 10, 130.0));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/sim/accounts/" + account + "/trades", token).body().path("trades").size() == fills.size());
        assertThat(count("select count(*) from alerts where published_id = ? and not applied", pub)).isEqualTo(1);
        assertThat(count("select count(*) from alerts where published_id = ?", pub)).isEqualTo(alerts.size() + 1);

        // the owner only
        String stranger = JWKS.token(UUID.randomUUID().toString());
        assertThat(api.get("/sim/accounts/" + account, stranger).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts/" + account + "/performance", stranger).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts/" + account + "/trades", stranger).status()).isEqualTo(404);
        assertThat(api.get("/sim/accounts?published_model_id=" + pub, stranger).body().path("accounts").size()).isZero();
        assertThat(api.get("/sim/accounts/" + account, null).status()).isEqualTo(401);
        JsonNode view = api.get("/sim/accounts/" + account, token).body();
        assertThat(view.path("status").asString()).isEqualTo("complete");
        assertThat(view.path("open_positions").size()).isZero();
        assertThat(view.path("equity").asDouble()).isEqualTo(backtest.dailyEquity()[sessions - 1]);
    }

    /** A model published while its replay runs starts with the first bar after its account exists, and takes every later one. */
    @Test
    void aModelPublishedWhileItsReplayRunsStartsWithTheNextBar() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        int from = Trained.MARCH;
        int to = from + 400;
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> bars = CompletableFuture.runAsync(() -> {
            try {
                for (int t = from; t < to; t++) {
                    replay(replay, t, t + 1);
                    sent.incrementAndGet();
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 100);
        publish(owner, published(pub, "replay", replay, 20, 1000));
        bars.get();
        String token = JWKS.token(owner);
        String account = "sim_" + pub.substring(4);
        JsonNode view = api().await("/sim/accounts/" + account, token, b -> b.path("last_bar_time").isString()
                && Instant.parse(b.path("last_bar_time").asString()).toEpochMilli() == BARS.time()[to - 1], Duration.ofSeconds(60));
        long first = Instant.parse(view.path("period_start").asString()).toEpochMilli();
        assertThat(first).as("started mid-stream").isGreaterThan(BARS.time()[from + 99]);
        assertThat(view.path("status").asString()).isEqualTo("paper_trading");
    }

    /** The {@code paper.completed} envelopes of {@code pub} on {@code paper.events}. */
    List<JsonNode> completions(String pub) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> out = new ArrayList<>();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("paper.events"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (pub.equals(r.key())) {
                        out.add(json.readTree(r.value()));
                    }
                });
                return !out.isEmpty();
            });
            c.poll(Duration.ofSeconds(1)).forEach(r -> {
                if (pub.equals(r.key())) {
                    out.add(json.readTree(r.value()));
                }
            });
        }
        return out;
    }
}
