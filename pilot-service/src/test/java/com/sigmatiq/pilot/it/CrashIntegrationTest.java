package com.sigmatiq.pilot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.pilot.domain.BrokerConnections;
import com.sigmatiq.pilot.domain.LiveTrading;
import com.sigmatiq.pilot.support.FixTestBroker.Behaviour;
import com.sigmatiq.testinfra.ServiceJvm;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of pilot-service running in its own JVM, with one order between two partial fills and another sent but not
 * acknowledged; the broker fills the first while nobody is connected. Then this context plays the restarted instance
 * (its start-up round): each client order id reached the broker once, the fills are counted once, and our state equals
 * the broker's.
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

    @Test
    void aKilledInstanceSendsEachOrderOnceAndCountsEachFillOnce() throws Exception {
        BROKER.behave(Behaviour.ACCEPT);
        Live l = live(null, 100.00);
        connections.close();   // the account's FIX session belongs to the other instance from here
        MessageListenerContainer local = listeners.getListenerContainer("pilot-alerts");
        local.stop();
        String partial;
        String unacked;
        try {
            SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
            List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(infra, "pilot", JWKS.jwkSetUri()));
            args.addAll(List.of("--sigmatiq.identity.service-secret=test-service-secret",
                    "--sigmatiq.pilot.secret-key=" + SECRET_KEY, "--sigmatiq.pilot.resume-interval=1h",
                    "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                    "--logging.level.org.springframework.kafka.listener=INFO"));
            try (ServiceJvm other = new ServiceJvm("com.sigmatiq.pilot.PilotServiceApplication",
                    "partitions assigned: [alerts.live", args)) {
                other.awaitReady(180);
                await().atMost(WAIT).until(() -> "connected".equals(jdbc.sql("select connection_state from account where id = ?")
                        .param(l.accountId()).query(String.class).single()));

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

            trading.resume(Duration.ZERO);       // the restarted instance's first round
            connections.ensureOpen(l.accountId());
            JsonNode p = orderOf(l, partial, x -> "filled".equals(x.path("state").asString()));
            assertThat(p.path("execution").path("filled_quantity").asLong()).isEqualTo(6);
            assertThat(jdbc.sql("select coalesce(sum(f.quantity), 0) from fill f join live_order o on o.id = f.order_id "
                    + "where o.alert_id = ?").param(partial).query(Long.class).single()).isEqualTo(6);
            trading.resume(Duration.ZERO);
            JsonNode u = orderOf(l, unacked, x -> "acknowledged".equals(x.path("state").asString()));
            assertThat(u.path("broker_order_id").asString()).isEqualTo(BROKER.order(unacked).orderId);
            assertThat(BROKER.received(partial)).isEqualTo(1);
            assertThat(BROKER.received(unacked)).isEqualTo(1);
            assertThat(api().get("/pilot/accounts/" + l.accountId(), l.user().token()).body().path("positions").get(0)
                    .path("quantity").asLong()).isEqualTo(6);
        } finally {
            local.start();
        }
    }
}
