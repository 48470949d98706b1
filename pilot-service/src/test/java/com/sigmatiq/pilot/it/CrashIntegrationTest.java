package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.pilot.domain.BrokerConnections;
import com.sigmatiq.pilot.domain.HaltPoint;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.domain.ReconciliationReport;
import com.sigmatiq.pilot.support.FixTestBroker.Behaviour;
import com.sigmatiq.testinfra.ServiceJvm;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of pilot-service running in its own JVM (testinfra's {@link ServiceJvm}) in each window of issue 15's "Faults
 * that must not double an order"; then this context plays the restarted instance (its start-up round): each client
 * order id reached the broker once, the fills are counted once, and our state equals the broker's (a reconciliation
 * finds no difference). The windows are hit deterministically: from outside (the broker never acknowledges, or fills
 * only when told, and the JVM is killed with SIGKILL) or from inside (a {@link HaltPoint} halts the JVM at that line).
 */
class CrashIntegrationTest extends LiveTradingTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    BrokerConnections connections;

    @Autowired
    LiveTrading trading;

    String state(String alertId) {
        return jdbc.sql("select state from live_order where alert_id = ?").param(alertId).query(String.class).optional().orElse(null);
    }

    long filled(String alertId) {
        return jdbc.sql("select filled_quantity from live_order where alert_id = ?").param(alertId).query(Long.class).single();
    }

    long fillRows(String alertId) {
        return jdbc.sql("select count(*) from fill f join live_order o on o.id = f.order_id where o.alert_id = ?")
                .param(alertId).query(Long.class).single();
    }

    long filledInRows(String alertId) {
        return jdbc.sql("select coalesce(sum(f.quantity), 0) from fill f join live_order o on o.id = f.order_id "
                + "where o.alert_id = ?").param(alertId).query(Long.class).single();
    }

    /**
     * Gives the account to another pilot-service: this context's FIX sessions closed and its alert listener stopped (both
     * belong to the other instance until the test restarts them), then starts it in a JVM of its own, halting at
     * {@code haltAt} if not null, and waits until it holds the account's FIX session.
     */
    ServiceJvm other(Live l, String haltAt) throws Exception {
        connections.close();
        listeners.getListenerContainer("pilot-alerts").stop();
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(infra, "pilot", JWKS.jwkSetUri()));
        args.addAll(List.of("--sigmatiq.identity.service-secret=test-service-secret",
                "--sigmatiq.pilot.secret-key=" + SECRET_KEY, "--sigmatiq.pilot.resume-interval=1h",
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--logging.level.org.springframework.kafka.listener=INFO"));
        if (haltAt != null) {
            args.add("--sigmatiq.pilot.halt-at=" + haltAt);
        }
        // ready once its start-up round is over: a lookup of that round would otherwise acknowledge an order the test
        // means to leave unacknowledged
        ServiceJvm other = new ServiceJvm("com.sigmatiq.pilot.PilotServiceApplication", "start-up round done", args);
        try {
            other.awaitReady(180);
            await().atMost(WAIT).until(() -> "connected".equals(jdbc.sql("select connection_state from account where id = ?")
                    .param(l.accountId()).query(String.class).single()));
        } catch (Throwable t) {
            other.close();
            throw t;
        }
        return other;
    }

    /** Waits until the other instance halted at {@code point} over {@code alertId}, as its last words say. */
    static void awaitHalt(ServiceJvm other, String point, String alertId) {
        await().atMost(WAIT).until(() -> !other.alive());
        assertThat(other.tail()).contains("pilot-service halts at " + point + ": ").contains(alertId);
        System.out.printf("pilot-service pid %d halted at %s over %s%n", other.pid(), point, alertId);
    }

    /** This context as the restarted instance: its FIX sessions reopen and the start-up round runs. */
    void restart(Live l) {
        trading.resume(Duration.ZERO);
        connections.ensureOpen(l.accountId());
    }

    /** Our state equals the broker's: a reconciliation of the account finds no difference. */
    void reconciled(Live l) {
        ReconciliationReport r = reconciler.reconcile(accounts.owned(l.user().id(), l.accountId()));
        assertThat(r.positionsChecked()).isTrue();
        assertThat(r.brokerOpenOrdersChecked()).isTrue();
        assertThat(r.differences()).isEmpty();
    }

    @AfterEach
    void listenAgain() {
        MessageListenerContainer local = listeners.getListenerContainer("pilot-alerts");
        if (!local.isRunning()) {
            local.start();
        }
    }

    @Test
    void aKilledInstanceSendsEachOrderOnceAndCountsEachFillOnce() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String partial;
        String unacked;
        try (ServiceJvm other = other(l, null)) {
            partial = buy(l, 6, 100.00);
            await().atMost(WAIT).until(() -> "acknowledged".equals(state(partial)));
            BROKER.fill(partial, 2);
            await().atMost(WAIT).until(() -> filled(partial) == 2);

            BROKER.behave(Behaviour.SILENT);
            unacked = buy(l, 3, 100.00);
            await().atMost(WAIT).until(() -> "sent".equals(state(unacked)));

            other.kill();
            assertThat(other.alive()).isFalse();
            System.out.printf("pilot-service pid %d killed: %s partially filled (2 of 6), %s sent, not acknowledged%n",
                    other.pid(), partial, unacked);
        }
        BROKER.fill(partial, 4);             // while nobody is connected: kept in the broker's store

        restart(l);
        JsonNode p = orderOf(l, partial, x -> "filled".equals(x.path("state").asString()));
        assertThat(p.path("execution").path("filled_quantity").asLong()).isEqualTo(6);
        assertThat(filledInRows(partial)).isEqualTo(6);
        trading.resume(Duration.ZERO);
        JsonNode u = orderOf(l, unacked, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(u.path("broker_order_id").asString()).isEqualTo(BROKER.order(unacked).orderId);
        assertThat(BROKER.received(partial)).isEqualTo(1);
        assertThat(BROKER.received(unacked)).isEqualTo(1);
        assertThat(api().get("/pilot/accounts/" + l.accountId(), l.user().token()).body().path("positions").get(0)
                .path("quantity").asLong()).isEqualTo(6);
        reconciled(l);
    }

    /**
     * Window (a): halted right after the order's commit, before the adapter was called. The restarted instance asks the
     * broker, which never saw the client order id, and sends it once (it is still valid); the alert, whose Kafka offset
     * the dead instance never committed, comes again and changes nothing.
     */
    @Test
    void killedAfterTheOrderIsStoredBeforeItIsSentItIsLookedUpThenSentOnce() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String alert;
        try (ServiceJvm other = other(l, "stored")) {
            alert = buy(l, 3, 100.00);
            awaitHalt(other, "stored", alert);
        }
        assertThat(state(alert)).isEqualTo("pending_new");
        assertThat(BROKER.received(alert)).isZero();

        restart(l);
        JsonNode o = orderOf(l, alert, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(o.path("history").findValuesAsString("kind")).contains("stored", "lookup");
        assertThat(o.path("broker_order_id").asString()).isEqualTo(BROKER.order(alert).orderId);

        listeners.getListenerContainer("pilot-alerts").start();
        String next = buy(l, 1, 100.00);     // same publication, same partition: taken after the redelivered one
        orderOf(l, next, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(jdbc.sql("select count(*) from live_order where alert_id = ?").param(alert).query(Long.class).single())
                .isEqualTo(1);

        BROKER.fill(alert, 3);
        orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        BROKER.fill(next, 1);
        orderOf(l, next, x -> "filled".equals(x.path("state").asString()));
        trading.resume(Duration.ZERO);       // a later round sends nothing again
        assertThat(BROKER.received(alert)).isEqualTo(1);
        assertThat(BROKER.received(next)).isEqualTo(1);
        assertThat(filledInRows(alert)).isEqualTo(3);
        reconciled(l);
    }

    /**
     * Window (a) with a stale alert: halted after the commit, and the alert's {@code valid_until} passes while the
     * service is down. The broker does not know the client order id, so the restart expires the order instead of
     * trading on a stale signal; nothing reaches the broker.
     */
    @Test
    void killedAfterTheOrderIsStoredAndRestartedAfterItsAlertWentStaleItIsExpiredNotSent() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String alert = "alert_" + l.publishedId() + "_" + SEQ.incrementAndGet() + "_buy";
        Instant until;
        try (ServiceJvm other = other(l, "stored")) {
            until = Instant.now().plusSeconds(10);
            send(l, alert, JsonMapper.builder().build().writeValueAsString(Map.of("alert_id", alert,
                    "timestamp", Instant.now().toString(), "model_id", l.publishedId(),
                    "signal", Map.of("action", "BUY", "instrument", "stock", "ticker", l.ticker(), "urgency", "immediate"),
                    "order_details", Map.of("order_type", "limit", "quantity", 2, "entry_price", 100.00, "time_in_force", "day",
                            "valid_until", until.toString()))));
            awaitHalt(other, "stored", alert);
        }
        assertThat(state(alert)).isEqualTo("pending_new");
        Instant validUntil = until;
        await().atMost(WAIT).until(() -> Instant.now().isAfter(validUntil));   // down until the alert went stale

        restart(l);
        JsonNode o = orderOf(l, alert, x -> "expired".equals(x.path("state").asString()));
        assertThat(o.path("history").findValuesAsString("kind")).contains("stored", "expired");
        trading.resume(Duration.ZERO);
        assertThat(BROKER.received(alert)).isZero();
        assertThat(BROKER.order(alert)).isNull();
        reconciled(l);
    }

    /**
     * Window (b): the broker took the order and its acknowledgement reached the process, which halted before applying
     * it (whether {@code sent} was recorded yet is a race of its own; either is resolved the same way). The restart finds
     * the order at the broker by its client order id and does not send it again.
     */
    @Test
    void killedAfterTheOrderIsSentBeforeItsAcknowledgementIsAppliedItIsFoundNotSentAgain() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String alert;
        try (ServiceJvm other = other(l, "report-received")) {
            alert = buy(l, 4, 100.00);
            awaitHalt(other, "report-received", alert);
        }
        assertThat(state(alert)).isIn("pending_new", "sent");
        assertThat(BROKER.received(alert)).isEqualTo(1);

        restart(l);
        JsonNode o = orderOf(l, alert, x -> "acknowledged".equals(x.path("state").asString()));
        assertThat(o.path("broker_order_id").asString()).isEqualTo(BROKER.order(alert).orderId);
        assertThat(o.path("history").findValuesAsString("kind")).doesNotContain("lookup");   // never "unknown: sending"
        BROKER.fill(alert, 4);
        orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        trading.resume(Duration.ZERO);
        assertThat(BROKER.received(alert)).isEqualTo(1);
        assertThat(filledInRows(alert)).isEqualTo(4);
        reconciled(l);
    }

    /**
     * Window (c): halted right after the first partial fill was committed, before the FIX session counted its message,
     * so the broker sends that fill again after the restart, along with the rest filled while nobody was connected.
     * Each fill is counted once.
     */
    @Test
    void killedBetweenTwoPartialFillsEachFillIsCountedOnce() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        String alert;
        try (ServiceJvm other = other(l, "fill-applied")) {
            alert = buy(l, 6, 100.00);
            await().atMost(WAIT).until(() -> "acknowledged".equals(state(alert)));
            BROKER.fill(alert, 2);
            awaitHalt(other, "fill-applied", alert);
        }
        assertThat(filled(alert)).isEqualTo(2);
        BROKER.fill(alert, 4);               // while nobody is connected

        restart(l);
        JsonNode o = orderOf(l, alert, x -> "filled".equals(x.path("state").asString()));
        assertThat(o.path("execution").path("filled_quantity").asLong()).isEqualTo(6);
        assertThat(fillRows(alert)).isEqualTo(2);
        assertThat(filledInRows(alert)).isEqualTo(6);
        assertThat(BROKER.received(alert)).isEqualTo(1);
        assertThat(api().get("/pilot/accounts/" + l.accountId(), l.user().token()).body().path("positions").get(0)
                .path("quantity").asLong()).isEqualTo(6);
        reconciled(l);
    }
}
