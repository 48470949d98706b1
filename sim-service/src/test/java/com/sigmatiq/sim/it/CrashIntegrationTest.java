package com.sigmatiq.sim.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.sim.domain.Bar;
import com.sigmatiq.sim.domain.PaperAlert;
import com.sigmatiq.sim.domain.PaperBook;
import com.sigmatiq.sim.domain.PerformanceReport;
import com.sigmatiq.sim.support.PaperAlerts;
import com.sigmatiq.sim.support.Trained;
import com.sigmatiq.testinfra.ServiceJvm;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of sim-service in the middle of a paper period: this context's bar and alert consumers are stopped, so the
 * replay's bars and their alerts (each right after its bar, as live) go to sim-service running in its own JVM, which is
 * killed with SIGKILL after it took part of them. This context then takes the unacknowledged records over, as a
 * restarted instance would: the book is built again from what was stored, repeats change nothing, and the fills,
 * equity and performance are those of an uninterrupted run (the book of all the bars and alerts, and the backtest),
 * no alert filled twice.
 */
class CrashIntegrationTest extends SimIntegrationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aKilledInstanceFillsNothingTwiceAndEndsAsAnUninterruptedRun() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().replace("-", "");
        UPSTREAMS.addTrainedModel(owner, TRAINED, Trained.ARTIFACTS, 1.2);
        int from = Trained.MARCH;
        SessionClock clock = SessionClock.of(BARS);
        int sessions = 10;
        int to = clock.sessionLastBar(clock.session(from) + sessions - 1) + 1;
        publish(owner, published(pub, "replay", replay, sessions, 1000));
        String account = "sim_" + pub.substring(4);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from accounts where account_id = ?", account) == 1);

        // the topics exist before the other instance subscribes
        sender.send(Topics.MARKET_BARS_5M, EventCatalog.envelope(UUID.randomUUID(), new BarClosed("QQQ", "America/New_York", "5m",
                Instant.parse("2011-03-01T14:30:00Z"), Instant.parse("2011-03-01T14:35:00Z"), 1, 1, 1, 1, 1.0, "replay",
                "none", 0), null, "QQQ", Instant.now())).get();
        alert("pub_none", "{}");
        MessageListenerContainer bars = listeners.getListenerContainer("sim-bars");
        MessageListenerContainer alerts = listeners.getListenerContainer("sim-alerts");
        bars.stop();
        alerts.stop();

        List<PaperAlerts.Sent> sent;
        try (TrainedModel model = Trained.model()) {
            sent = PaperAlerts.of(pub, Trained.CONFIG, model, 1000, BARS, from, to, 50_000);
        }
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(infra, "sim", JWKS.jwkSetUri()));
        args.addAll(List.of("--sigmatiq.identity.service-secret=test-service-secret",
                "--sigmatiq.identity.token-uri=" + UPSTREAMS.url() + "/api/auth/service-token",
                "--sigmatiq.services.pack-service=" + UPSTREAMS.url(), "--sigmatiq.services.market-data-service=" + UPSTREAMS.url(),
                "--sigmatiq.services.training-service=" + UPSTREAMS.url(),
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--logging.level.org.springframework.kafka.listener=INFO"));
        try (ServiceJvm other = new ServiceJvm("com.sigmatiq.sim.SimServiceApplication",
                "sim-service: partitions assigned: [market.bars", args)) {
            other.awaitReady(120);
            List<CompletableFuture<?>> futures = new ArrayList<>();
            int next = 0;
            for (int t = from; t < to; t++) {
                BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(BARS.time()[t]),
                        Instant.ofEpochMilli(BARS.time()[t] + 300_000), BARS.open()[t], BARS.high()[t], BARS.low()[t],
                        BARS.close()[t], BARS.volume()[t], "replay", replay, t - from);
                futures.add(sender.send(Topics.MARKET_BARS_5M, EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
                while (next < sent.size() && sent.get(next).barTime() == BARS.time()[t]) {
                    futures.add(kafka.send("alerts.paper", pub, sent.get(next++).document()));
                }
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
            Awaitility.await("the other instance takes part of the period").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20)).until(() -> count("select count(*) from feed_bars where feed = ?", replay) >= 400);
            other.kill();
            long atKill = count("select count(*) from feed_bars where feed = ?", replay);
            assertThat(atKill).as("killed mid-period; its log:\n" + other.tail()).isLessThan(to - from);
            System.out.printf("sim-service pid %d killed with %d of %d bars and %d of %d alerts stored%n", other.pid(), atKill,
                    to - from, count("select count(*) from alerts where published_id = ?", pub), sent.size());
        } finally {
            bars.start();
            alerts.start();
        }

        String token = JWKS.token(owner);
        JsonNode performance = api().await("/sim/accounts/" + account + "/performance", token,
                b -> "complete".equals(b.path("status").asString()), Duration.ofMinutes(3));

        // the uninterrupted run: the book of every bar and alert, and the backtest
        List<Bar> all = new ArrayList<>();
        for (int t = from; t < to; t++) {
            all.add(new Bar(BARS.time()[t], BARS.open()[t], BARS.high()[t], BARS.low()[t], BARS.close()[t], BARS.volume()[t]));
        }
        JsonMapper json = JsonMapper.builder().build();
        List<PaperAlert> parsed = sent.stream().map(s -> {
            JsonNode a = json.readTree(s.document());
            JsonNode order = a.path("order_details");
            return new PaperAlert(s.alertId(), pub, s.barTime(), "BUY".equals(a.path("signal").path("action").asString()),
                    order.path("exit_reason").isString() ? order.path("exit_reason").asString() : null, order.path("quantity").asLong());
        }).toList();
        PaperBook uninterrupted = PaperBook.replay(new PaperBook.Spec("SPY", BARS.timeframe(), ExchangeCalendar.NEW_YORK,
                Trained.paperParams(50_000), sessions, null), all, parsed);
        BacktestResult backtest = Trained.backtest(BARS, from, to, 50_000);
        assertThat(uninterrupted.trades()).hasSize(backtest.trades().size()).isNotEmpty();

        JsonNode trades = api().get("/sim/accounts/" + account + "/trades", token).body();
        assertThat(trades.path("trades").size()).isEqualTo(uninterrupted.fills().size());
        for (int i = 0; i < uninterrupted.fills().size(); i++) {
            PaperBook.Fill f = uninterrupted.fills().get(i);
            JsonNode got = trades.path("trades").get(i);
            assertThat(got.path("paper_trade_id").asString()).isEqualTo(f.fillId());
            assertThat(got.path("alert_id").isNull() ? null : got.path("alert_id").asString()).isEqualTo(f.alertId());
            assertThat(got.path("execution").path("fill_price").asDouble()).isEqualTo(f.fillPrice());
            assertThat(got.path("position").path("quantity").asDouble()).isEqualTo(f.buy() ? f.quantity() : 0);
        }
        List<String> filledAlerts = new ArrayList<>();
        trades.path("trades").forEach(t -> {
            if (!t.path("alert_id").isNull()) {
                filledAlerts.add(t.path("alert_id").asString());
            }
        });
        assertThat(filledAlerts).as("no alert filled twice").doesNotHaveDuplicates();
        JsonNode equity = api().get("/sim/accounts/" + account + "/equity", token).body().path("curve");
        assertThat(equity.size()).isEqualTo(sessions);
        for (int i = 0; i < sessions; i++) {
            assertThat(equity.get(i).path("equity").asDouble()).isEqualTo(uninterrupted.equityCurve().get(i).equity())
                    .isEqualTo(backtest.dailyEquity()[i]);
        }
        PerformanceReport.Results expected = PerformanceReport.results(uninterrupted, 50_000);
        JsonNode results = performance.path("paper_trading_results");
        assertThat(results.path("total_trades").asInt()).isEqualTo(expected.totalTrades());
        assertThat(results.path("total_return").asDouble()).isEqualTo(expected.totalReturn());
        assertThat(results.path("sharpe_ratio").asDouble()).isEqualTo(expected.sharpeRatio());
        assertThat(results.path("max_drawdown").asDouble()).isEqualTo(expected.maxDrawdown());
        assertThat(performance.path("reconciliation").path("mismatches").asInt()).isZero();
        assertThat(count("select count(*) from alerts where published_id = ?", pub)).isEqualTo(sent.size());
    }
}
