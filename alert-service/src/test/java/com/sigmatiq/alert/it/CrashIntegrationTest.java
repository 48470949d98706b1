package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.ModelRuntimeParityTest;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import com.sigmatiq.alert.support.AlertUpstreams;
import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.testinfra.ServiceJvm;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestJwks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of alert-service in the middle of a replayed burst: this context's bar consumer is stopped, so March's bars
 * go to alert-service running in its own JVM, which is killed with SIGKILL after it stored part of them. Then this
 * context's consumer takes over the unacknowledged bars: the runtime is rebuilt from its last stored snapshot, bars
 * already taken are ignored, and the stored alerts are exactly the backtest's, each once.
 */
class CrashIntegrationTest extends AlertIntegrationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aKilledInstanceLosesNoBarAndDoublesNoAlert() throws Exception {
        String owner = UUID.randomUUID().toString();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().substring(0, 8);
        UPSTREAMS.addTrainedModel(owner, "spy_swing_momentum_v1_trained_001", artifacts);
        store.upsert(publication(pub, owner, replay), Instant.now());

        MessageListenerContainer local = listeners.getListenerContainer("alert-bars");
        local.stop();
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(infra, "alert", JWKS.jwkSetUri()));
        args.addAll(List.of("--sigmatiq.identity.service-secret=test-service-secret",
                "--sigmatiq.identity.token-uri=" + UPSTREAMS.url() + "/api/auth/service-token",
                "--sigmatiq.services.pack-service=" + UPSTREAMS.url(), "--sigmatiq.services.market-data-service=" + UPSTREAMS.url(),
                "--sigmatiq.services.training-service=" + UPSTREAMS.url(),
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--logging.level.org.springframework.kafka.listener=INFO"));
        BarSeries b = Spy5m.BARS;
        int from = marchFrom;
        int bars = b.size() - from;
        try (ServiceJvm other = new ServiceJvm("com.sigmatiq.alert.AlertServiceApplication",
                "alert-service: partitions assigned: [market.bars", args)) {
            other.awaitReady(120);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int t = from; t < b.size(); t++) {
                BarClosed bar = new BarClosed("SPY", "America/New_York", "5m", Instant.ofEpochMilli(b.time()[t]),
                        Instant.ofEpochMilli(b.time()[t] + 300_000), b.open()[t], b.high()[t], b.low()[t], b.close()[t],
                        b.volume()[t], "replay", replay, t - from);
                sent.add(sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), bar, null, "SPY", Instant.now())));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
            Awaitility.await("the other instance stores part of the burst").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20)).until(() -> evaluations(pub) >= 200);
            other.kill();
            long atKill = evaluations(pub);
            assertThat(atKill).as("killed mid-burst; its log:\n" + other.tail()).isLessThan(bars);
            System.out.printf("alert-service pid %d killed with %d of %d bars evaluated%n", other.pid(), atKill, bars);
        } finally {
            local.start();
        }
        Awaitility.await("every bar evaluated once").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> evaluations(pub) == bars);
        List<Alert> stored = jdbc.sql("select alert::text from alerts where publication_id = ?").param(pub)
                .query(String.class).list().stream().map(a -> JSON.readValue(a, Alert.class))
                .sorted(Comparator.comparing(Alert::timestamp).thenComparing(a -> a.signal().action().ordinal(),
                        Comparator.reverseOrder()))
                .toList();
        assertThat(ModelRuntimeParityTest.seen(stored))
                .containsExactlyElementsOf(ModelRuntimeParityTest.expected(trades, b));
    }

    private long evaluations(String pub) {
        return count("select count(*) from evaluations where publication_id = ?", pub);
    }
}
