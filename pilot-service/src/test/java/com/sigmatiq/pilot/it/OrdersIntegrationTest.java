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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts on {@code alerts.live} become orders at a QuickFIX/J broker: once per alert id, stored before sent, moved by
 * the broker's reports; and every risk check refuses, with its reason, before anything reaches the broker.
 */
class OrdersIntegrationTest extends LiveTradingTestBase {

    @Test
    void aLiveAlertBecomesOneOrderFilledAtTheBrokerInSeed82Shape() throws Exception {
        BROKER.behave(Behaviour.FILL);
        Live l = live(null, 453.00);
        String alert = buy(l, 22, 453.50);
        JsonNode o = orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        assertThat(o.path("order_id").asString()).startsWith("ORD_");
        assertThat(o.path("model_id").asString()).isEqualTo(l.publishedId());
        assertThat(o.path("quantity").asLong()).isEqualTo(2);     // floor(1000 / 453.50)
        JsonNode dest = o.path("routing").path("destinations").get(0);
        assertThat(dest.path("service").asString()).isEqualTo("sigma_pilot");
        assertThat(dest.path("status").asString()).isEqualTo("sent");
        assertThat(dest.path("broker").asString()).isEqualTo("fix");
        assertThat(dest.path("order_id").asString()).isEqualTo(o.path("order_id").asString());
        JsonNode ex = o.path("execution");
        assertThat(ex.path("status").asString()).isEqualTo("filled");
        assertThat(ex.path("fill_price").asDouble()).isEqualTo(453.50);
        assertThat(ex.path("fill_time").isNull()).isFalse();
        assertThat(ex.path("slippage").asDouble()).isEqualTo(-0.50);  // paid 453.50 against the last close 453.00
        List<String> states = o.path("history").findValuesAsString("state");
        assertThat(states.get(0)).isEqualTo("pending_new");
        assertThat(states.get(states.size() - 1)).isEqualTo("filled");
        assertThat(BROKER.received(alert)).isEqualTo(1);
        assertThat(BROKER.order(alert).quantity).isEqualTo(2);

        send(l, alert, """
                {"alert_id": "%s", "timestamp": "%s", "model_id": "%s", "signal": {"action": "BUY", "ticker": "%s"},
                 "order_details": {"order_type": "limit", "quantity": 22, "entry_price": 453.5}}"""
                .formatted(alert, Instant.now(), l.publishedId(), l.ticker()));
        String later = buy(l, 1, 453.50);   // a later alert proves the repeat was taken and dropped
        orderOf(l, later, x -> "filled".equals(x.path("state").asString()));
        assertThat(BROKER.received(alert)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from live_order where alert_id = ?").param(alert).query(Long.class).single()).isOne();

        JsonNode account = api().get("/pilot/accounts/" + l.accountId(), l.user().token()).body();
        assertThat(account.path("positions").get(0).path("ticker").asString()).isEqualTo(l.ticker());
        assertThat(account.path("positions").get(0).path("quantity").asLong()).isEqualTo(3);
        assertThat(account.path("connection_state").asString()).isEqualTo("connected");
    }

    @Test
    void theAccountsEventsStreamShowsTheOrderAndItsFill() throws Exception {
        BROKER.behave(Behaviour.FILL);
        Live l = live(null, 200.00);
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        socket.getOutputStream().write(("GET /pilot/accounts/" + l.accountId() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + l.user().token() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // closed by the test
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String alert = buy(l, 2, 200.00);
            await().atMost(WAIT).until(() -> lines.contains("event:fill"));
            assertThat(lines).contains("event:order");
            assertThat(lines.stream().filter(x -> x.startsWith("data:") && x.contains(alert)).count()).isGreaterThanOrEqualTo(2);
            assertThat(api().get("/pilot/accounts/" + l.accountId() + "/events", newUser().token()).status()).isEqualTo(404);
        } finally {
            socket.close();
        }
    }

    @Test
    void partialFillsAreCountedOnceAndASellClosesThePosition() throws Exception {
        BROKER.behave(Behaviour.FILL_IN_TWO);
        Live l = live(null, 100.00);
        String alert = buy(l, 9, 100.00);
        JsonNode o = orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        assertThat(o.path("execution").path("filled_quantity").asLong()).isEqualTo(9);
        assertThat(o.path("history").findValuesAsString("state")).contains("partially_filled", "filled");
        assertThat(jdbc.sql("select count(*), sum(f.quantity) from fill f join live_order o on o.id = f.order_id where o.alert_id = ?")
                .param(alert).query((rs, n) -> rs.getLong(1) * 1000 + rs.getLong(2)).single()).isEqualTo(2 * 1000 + 9);

        BROKER.behave(Behaviour.FILL);
        BROKER.fillAt(101.00);
        try {
            String exit = sell(l);
            JsonNode s = orderOf(l, exit, x -> "filled".equals(x.path("state").asString()));
            assertThat(s.path("side").asString()).isEqualTo("sell");
            assertThat(s.path("order_type").asString()).isEqualTo("market");
            assertThat(s.path("quantity").asLong()).isEqualTo(9);
        } finally {
            BROKER.fillAt(Double.NaN);
        }
        JsonNode account = api().get("/pilot/accounts/" + l.accountId(), l.user().token()).body();
        assertThat(account.path("positions")).isEmpty();
        assertThat(account.path("pnl").path("realized").asDouble()).isEqualTo(9.00);
    }

    @Test
    void anOpenOrderIsCancelledAtTheBroker() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 50.00);
        String alert = buy(l, 3, 50.00);
        JsonNode o = orderOf(l, alert, x -> "acknowledged".equals(x.path("state").asString()));
        TestApi.Response c = api().post("/pilot/orders/" + o.path("order_id").asString() + "/cancel", l.user().token(), "");
        assertThat(c.status()).isEqualTo(200);
        orderOf(l, alert, x -> "cancelled".equals(x.path("state").asString()));
        assertThat(api().post("/pilot/orders/" + o.path("order_id").asString() + "/cancel", l.user().token(), "").status())
                .isEqualTo(409);
        assertThat(api().get("/pilot/orders/" + o.path("order_id").asString(), newUser().token()).status()).isEqualTo(404);
    }

    @Test
    void reconciliationReportsEveryDifferenceAndTakesTheFillsItFinds() throws Exception {
        BROKER.behave(Behaviour.SILENT);   // the broker takes the order and never reports
        Live l = live(null, 100.00);
        assertThat(api().get("/pilot/accounts/" + l.accountId() + "/reconciliation", l.user().token()).status()).isEqualTo(404);
        String alert = buy(l, 4, 100.00);
        JsonNode sent = orderOf(l, alert, x -> "sent".equals(x.path("state").asString()));
        FixTestBroker.Order theirs = BROKER.order(alert);
        theirs.averagePrice = 99.75;        // filled at the broker; the reports were lost
        theirs.cumulative = 4;
        theirs.status = quickfix.field.OrdStatus.FILLED;

        reconciler.reconcile(accounts.owned(l.user().id(), l.accountId()));
        JsonNode report = api().get("/pilot/accounts/" + l.accountId() + "/reconciliation", l.user().token()).body();
        assertThat(report.path("orders_checked").asInt()).isEqualTo(1);
        assertThat(report.path("positions_checked").asBoolean()).isTrue();
        assertThat(report.path("broker_open_orders_checked").asBoolean()).isTrue();
        assertThat(report.path("differences").findValuesAsString("kind")).containsExactlyInAnyOrder("state", "filled_quantity");
        assertThat(report.path("differences").get(0).path("order_id").asString()).isEqualTo(sent.path("order_id").asString());

        JsonNode o = orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        assertThat(o.path("execution").path("filled_quantity").asLong()).isEqualTo(4);
        assertThat(o.path("execution").path("fill_price").asDouble()).isEqualTo(99.75);
        reconciler.reconcile(accounts.owned(l.user().id(), l.accountId()));
        assertThat(api().get("/pilot/accounts/" + l.accountId() + "/reconciliation", l.user().token()).body()
                .path("differences")).isEmpty();
        assertThat(BROKER.received(alert)).isEqualTo(1);
    }

    @Test
    void reconciliationFindsAnOpenOrderAndAPositionAtTheBrokerThatAreNoneOfOurs() throws Exception {
        BROKER.behave(Behaviour.FILL);
        Live l = live(null, 100.00);
        String alert = buy(l, 3, 100.00);
        orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        BROKER.holdForLastClient("desk-open-" + l.accountId(), "ZZZ", 5, 10.00, false);
        BROKER.holdForLastClient("desk-filled-" + l.accountId(), "YYY", 7, 20.00, true);

        reconciler.reconcile(accounts.owned(l.user().id(), l.accountId()));

        JsonNode report = api().get("/pilot/accounts/" + l.accountId() + "/reconciliation", l.user().token()).body();
        assertThat(report.path("positions_checked").asBoolean()).isTrue();
        assertThat(report.path("broker_open_orders_checked").asBoolean()).isTrue();
        JsonNode diffs = report.path("differences");
        assertThat(diffs.findValuesAsString("kind")).containsExactlyInAnyOrder("unknown_to_us", "position");
        for (JsonNode d : diffs) {
            if ("unknown_to_us".equals(d.path("kind").asString())) {
                assertThat(d.path("client_order_id").asString()).isEqualTo("desk-open-" + l.accountId());
            } else {
                assertThat(d.path("ticker").asString()).isEqualTo("YYY");
                assertThat(d.path("ours").asString()).isEqualTo("0");
                assertThat(d.path("theirs").asString()).isEqualTo("7");
            }
        }
    }

    // --- one test per risk check: refused with its reason, nothing at the broker ---

    @Test
    void theAccountKillSwitchRefuses() throws Exception {
        Live l = live(null, 100.00);
        api().post("/pilot/accounts/" + l.accountId() + "/kill-switch", l.user().token(), "{\"engaged\": true}");
        refused(l, buy(l, 1, 100.00), "kill_switch");
    }

    @Test
    void engagingTheKillSwitchCancelsTheAccountsOpenOrdersAtTheBroker() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        Live other = live(null, 100.00);
        String open = buy(l, 2, 100.00);
        String untouched = buy(other, 2, 100.00);
        orderOf(l, open, x -> "acknowledged".equals(x.path("state").asString()));
        orderOf(other, untouched, x -> "acknowledged".equals(x.path("state").asString()));

        api().post("/pilot/accounts/" + l.accountId() + "/kill-switch", l.user().token(), "{\"engaged\": true}");

        JsonNode o = orderOf(l, open, x -> "cancelled".equals(x.path("state").asString()));
        assertThat(o.path("history").findValuesAsString("detail")).contains("kill switch");
        assertThat(BROKER.order(open).status).isEqualTo(quickfix.field.OrdStatus.CANCELED);
        assertThat(BROKER.order(untouched).status).isEqualTo(quickfix.field.OrdStatus.NEW);
    }

    @Test
    void theGlobalKillSwitchRefuses() throws Exception {
        Live l = live(null, 100.00);
        User op = newOperator();
        api().post("/pilot/kill-switch", op.token(), "{\"engaged\": true}");
        try {
            refused(l, buy(l, 1, 100.00), "kill_switch");
        } finally {
            api().post("/pilot/kill-switch", op.token(), "{\"engaged\": false}");
        }
    }

    @Test
    void aModelThatIsNotLiveIsRefused() throws Exception {
        Live l = live(null, 100.00);
        Instant now = Instant.now();
        sender.send(Topics.MODEL_EVENTS, EventCatalog.envelope(UUID.randomUUID(), new PublicationStatusChanged(l.publishedId(),
                "m", "live", "paused", now), l.user().id(), l.publishedId(), now)).get();
        await().atMost(WAIT).until(() -> "paused".equals(jdbc.sql("select status from publication where published_id = ?")
                .param(l.publishedId()).query(String.class).single()));
        refused(l, buy(l, 1, 100.00), "model_live_and_approved");
    }

    @Test
    void anOrderOverTheMaxPositionSizeIsRefused() throws Exception {
        Live l = live(null, 1_200.00);
        refused(l, buy(l, 5, 1_200.00), "max_position_size");
    }

    @Test
    void anOrderBeyondTheOpenPositionsIsRefused() throws Exception {
        Live l = live("{\"max_capital\": 50000, \"max_position_size\": 1000, \"max_open_positions\": 2, "
                + "\"daily_loss_limit\": 500, \"max_orders_per_minute\": 10}", 100.00);
        for (String t : List.of("AAA", "BBB")) {
            jdbc.sql("insert into position (account_id, ticker, quantity, average_price) values (?, ?, 1, 10)")
                    .params(l.accountId(), t).update();
        }
        refused(l, buy(l, 1, 100.00), "max_open_positions");
    }

    @Test
    void anOrderBeyondTheMaxCapitalIsRefused() throws Exception {
        Live l = live(null, 100.00);
        jdbc.sql("insert into position (account_id, ticker, quantity, average_price) values (?, 'CCC', 495, 100)")
                .param(l.accountId()).update();   // $49,500 in use; 9 × $100 more would pass $50,000
        refused(l, buy(l, 9, 100.00), "max_capital");
    }

    @Test
    void anOrderAfterTheDailyLossLimitIsRefused() throws Exception {
        Live l = live(null, 100.00);
        Instant now = Instant.now();
        jdbc.sql("""
                insert into live_order (id, alert_id, account_id, owner_id, published_id, ticker, side, quantity, order_type,
                  time_in_force, reference_price, state, filled_quantity, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'DDD', 'sell', 10, 'market', 'day', 10, 'filled', 10, ?, ?)""")
                .params("ORD_loss_" + l.accountId(), "alert_loss_" + l.accountId(), l.accountId(), l.user().id(), l.publishedId(),
                        java.sql.Timestamp.from(now.minusSeconds(120)), java.sql.Timestamp.from(now.minusSeconds(120))).update();
        jdbc.sql("insert into fill (order_id, execution_id, quantity, price, commission, realized_pnl, at) values (?, 'x', 10, 10, 0, -500, ?)")
                .params("ORD_loss_" + l.accountId(), java.sql.Timestamp.from(now)).update();
        refused(l, buy(l, 1, 100.00), "daily_loss_limit");
    }

    @Test
    void aPriceOutsideTheBandOfTheLastCloseIsRefused() throws Exception {
        Live l = live(null, 90.00);
        refused(l, buy(l, 1, 95.00), "price_band");   // 5.6% above 90.00
    }

    @Test
    void ordersBeyondThePerMinuteRateAreRefused() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live("{\"max_capital\": 50000, \"max_position_size\": 1000, \"max_open_positions\": 3, "
                + "\"daily_loss_limit\": 500, \"max_orders_per_minute\": 3}", 10.00);
        for (int i = 0; i < 3; i++) {
            String a = buy(l, 1, 10.00);
            orderOf(l, a, x -> "acknowledged".equals(x.path("state").asString()));
            assertThat(BROKER.received(a)).isEqualTo(1);
        }
        refused(l, buy(l, 1, 10.00), "max_orders_per_minute");
    }

    // --- valid_until ---

    @Test
    void anAlertPastItsValidUntilIsRefusedBeforeAnythingLeaves() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String id = "alert_" + l.publishedId() + "_" + SEQ.incrementAndGet() + "_buy";
        Map<String, Object> doc = Map.of("alert_id", id, "timestamp", Instant.now().minusSeconds(600).toString(),
                "model_id", l.publishedId(), "signal", Map.of("action", "BUY", "ticker", l.ticker()),
                "order_details", Map.of("order_type", "limit", "quantity", 1, "entry_price", 100.00, "time_in_force", "day",
                        "valid_until", Instant.now().minusSeconds(300).toString()));
        send(l, id, JsonMapper.builder().build().writeValueAsString(doc));
        assertThat(refused(l, id, "valid_until").path("reason").asString()).contains("valid until");
    }

    @Test
    void onAReplayValidUntilIsReadOnTheReplaysClock() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        // the publication follows a replay of March 2011 (as model.events would say), whose last bar ended 19:55 UTC
        String replay = "replay_" + l.publishedId();
        jdbc.sql("update publication set feed = ? where published_id = ?").params(replay, l.publishedId()).update();
        jdbc.sql("insert into last_close (feed, ticker, close, bar_end) values (?, ?, 100.00, ?)")
                .params(replay, l.ticker(), java.sql.Timestamp.from(Instant.parse("2011-03-04T19:55:00Z"))).update();
        String valid = replayBuy(l, "2011-03-04T21:00:00Z");   // years ago on the wall clock, ahead on the replay's
        String stale = replayBuy(l, "2011-03-04T19:00:00Z");
        orderOf(l, valid, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(refused(l, stale, "valid_until").path("reason").asString()).contains("2011-03-04T19:55:00Z");
    }

    private String replayBuy(Live l, String validUntil) throws Exception {
        String id = "alert_" + l.publishedId() + "_" + SEQ.incrementAndGet() + "_buy";
        Map<String, Object> doc = Map.of("alert_id", id, "timestamp", "2011-03-04T19:55:00Z", "model_id", l.publishedId(),
                "signal", Map.of("action", "BUY", "ticker", l.ticker()),
                "order_details", Map.of("order_type", "limit", "quantity", 1, "entry_price", 100.00, "time_in_force", "day",
                        "valid_until", validUntil));
        send(l, id, JsonMapper.builder().build().writeValueAsString(doc));
        return id;
    }

    @Test
    void anAlertStillValidBecomesAnOrderThatKeepsItsValidUntil() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String id = "alert_" + l.publishedId() + "_" + SEQ.incrementAndGet() + "_buy";
        Instant until = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> doc = Map.of("alert_id", id, "timestamp", Instant.now().toString(),
                "model_id", l.publishedId(), "signal", Map.of("action", "BUY", "ticker", l.ticker()),
                "order_details", Map.of("order_type", "limit", "quantity", 1, "entry_price", 100.00, "time_in_force", "day",
                        "valid_until", until.toString()));
        send(l, id, JsonMapper.builder().build().writeValueAsString(doc));
        orderOf(l, id, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(jdbc.sql("select valid_until from live_order where alert_id = ?").param(id).query(java.sql.Timestamp.class)
                .single().toInstant()).isEqualTo(until);
    }
}
