package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.pilot.support.FixTestBroker;
import com.sigmatiq.pilot.support.FixTestBroker.Behaviour;
import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers for the live-trading integration tests: one QuickFIX/J broker for the JVM (each account its own FIX
 * session), a user with a FIX account and a live, approved publication, alerts as alert-service sends them.
 */
abstract class LiveTradingTestBase extends PilotIntegrationTestBase {

    /** The broker of every live-trading test class in this JVM (closed when the JVM ends). */
    static final FixTestBroker BROKER = new FixTestBroker();
    static final AtomicInteger SEQ = new AtomicInteger();
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventSender sender;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    com.sigmatiq.pilot.domain.Reconciler reconciler;

    @Autowired
    com.sigmatiq.pilot.domain.Accounts accounts;

    /** A user with a FIX account, and a publication of theirs that is live, approved on that account. */
    record Live(User user, String accountId, String publishedId, String ticker) {
    }

    Live live(String limitsJson, double lastClose) throws Exception {
        User u = newUser();
        int n = SEQ.incrementAndGet();
        String brokerAccount = "ACC" + n + "_" + UUID.randomUUID().toString().substring(0, 6);
        String body = fixAccount(brokerAccount, "pw-" + n, BROKER.port());
        if (limitsJson != null) {
            body = body.replaceAll("\"limits\": \\{[^}]*}", "\"limits\": " + limitsJson);
        }
        TestApi.Response acc = api().post("/pilot/accounts", u.token(), body);
        assertThat(acc.status()).isEqualTo(201);
        String pub = "pub_it_" + n + "_" + UUID.randomUUID().toString().substring(0, 6);
        String ticker = "T" + n;
        publish(u, pub, ticker, "live", lastClose);
        TestApi.Response approval = api().post("/pilot/approvals", u.token(), approval(pub, brokerAccount));
        assertThat(approval.status()).as(approval.raw()).isEqualTo(201);
        return new Live(u, acc.body().path("id").asString(), pub, ticker);
    }

    void publish(User u, String pub, String ticker, String status, double lastClose) throws Exception {
        Instant now = Instant.now();
        ModelPublished p = new ModelPublished(pub, "model_" + pub, "trained_" + pub, 1, ticker, "5m", "swingsigma", "1.0.0",
                "momentum_swing", Map.of(), "IT", 3, true, 5, 50_000, "live", null, "paper_trading", now, null);
        sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), p, u.id(), pub, now)).get();
        sender.send(Topics.PAPER_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PaperCompleted(pub, p.modelId(), "acct",
                "APPROVE_FOR_LIVE_TRADING", now, now, 5, 8, 0.625, 1.68, 0.05, now), u.id(), pub, now)).get();
        sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PublicationStatusChanged(pub, p.modelId(),
                "paper_trading", "paper_complete", now), u.id(), pub, now)).get();
        if ("live".equals(status)) {
            sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PublicationStatusChanged(pub, p.modelId(),
                    "paper_complete", "live", now), u.id(), pub, now)).get();
        }
        bar(ticker, lastClose);
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from publication p join paper_recommendation r "
                + "on r.published_id = p.published_id where p.published_id = ? and p.status = ?").params(pub, status)
                .query(Long.class).single() == 1
                && jdbc.sql("select count(*) from last_close where ticker = ? and close = ?").params(ticker, lastClose)
                .query(Long.class).single() == 1);
    }

    void bar(String ticker, double close) throws Exception {
        Instant end = Instant.now();
        BarClosed b = new BarClosed(ticker, "XNYS", "5m", end.minusSeconds(300), end, close, close, close, close, 1000.0, "live",
                null, 1);
        sender.send(Topics.MARKET_BARS_5M, EventCatalog.envelope(UUID.randomUUID(), b, null, ticker, end)).get();
    }

    static String approval(String pub, String brokerAccount) {
        return """
                {"model_id": "%s", "paper_trading_complete": true, "paper_performance_acceptable": true, "user_approval": true,
                 "live_settings": {"broker": "fix", "account_id": "%s", "max_capital": 50000, "max_position_size": 1000,
                                   "enable_sigma_pilot": true},
                 "go_live_date": "2024-02-14T09:30:00Z"}""".formatted(pub, brokerAccount);
    }

    /** A BUY alert document as alert-service sends it (seed 7.2 fields), on alerts.live keyed by the publication. */
    String buy(Live l, long quantity, double price) throws Exception {
        String id = "alert_" + l.publishedId() + "_" + SEQ.incrementAndGet() + "_buy";
        Map<String, Object> doc = Map.of("alert_id", id, "timestamp", Instant.now().toString(), "model_id", l.publishedId(),
                "signal", Map.of("action", "BUY", "instrument", "stock", "ticker", l.ticker(), "urgency", "immediate"),
                "order_details", Map.of("order_type", "limit", "quantity", quantity, "entry_price", price, "time_in_force", "day"));
        send(l, id, JsonMapper.builder().build().writeValueAsString(doc));
        return id;
    }

    String sell(Live l) throws Exception {
        String id = "alert_" + l.publishedId() + "_" + SEQ.incrementAndGet() + "_sell";
        Map<String, Object> doc = Map.of("alert_id", id, "timestamp", Instant.now().toString(), "model_id", l.publishedId(),
                "signal", Map.of("action", "SELL", "instrument", "stock", "ticker", l.ticker(), "urgency", "immediate"),
                "order_details", Map.of("order_type", "market", "quantity", 0, "exit_reason", "exit_signal"));
        send(l, id, JsonMapper.builder().build().writeValueAsString(doc));
        return id;
    }

    void send(Live l, String alertId, String document) throws Exception {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>("alerts.live", l.publishedId(), document);
        record.headers().add("alert_id", alertId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kafka.send(record).get();
    }

    JsonNode orderOf(Live l, String alertId, java.util.function.Predicate<JsonNode> done) {
        JsonNode list = api().await("/pilot/orders?account_id=" + l.accountId(), l.user().token(),
                b -> java.util.stream.StreamSupport.stream(b.path("orders").spliterator(), false)
                        .anyMatch(o -> o.path("alert_id").asString().equals(alertId) && done.test(o)), WAIT);
        for (JsonNode o : list.path("orders")) {
            if (o.path("alert_id").asString().equals(alertId)) {
                return o;
            }
        }
        throw new AssertionError("no order of " + alertId);
    }

    /** Waits for the alert's refusal and checks that nothing of it reached the broker. */
    JsonNode refused(Live l, String alertId, String check) {
        JsonNode list = api().await("/pilot/accounts/" + l.accountId() + "/refusals", l.user().token(),
                b -> b.path("refusals").findValuesAsString("alert_id").contains(alertId), WAIT);
        JsonNode r = null;
        for (JsonNode x : list.path("refusals")) {
            if (x.path("alert_id").asString().equals(alertId)) {
                r = x;
            }
        }
        assertThat(r.path("check").asString()).isEqualTo(check);
        assertThat(r.path("reason").asString()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from live_order where alert_id = ?").param(alertId).query(Long.class).single()).isZero();
        assertThat(BROKER.received(alertId)).isZero();
        assertThat(BROKER.order(alertId)).isNull();
        return r;
    }

}
