package com.sigmatiq.alert.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.alert.domain.Alert;
import com.sigmatiq.alert.domain.ModelRuntimeParityTest;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import com.sigmatiq.alert.support.AlertUpstreams;
import com.sigmatiq.alert.support.Spy5m;
import com.sigmatiq.alert.support.WebhookReceiver;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
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
 * context's consumer takes over: the killed instance wrote no snapshot after its warm-up, so the runtime is rebuilt
 * from that one and the partition is read again from the snapshot's position (acknowledged bars included); the
 * stored alerts are exactly the backtest's, each once. Every alert reaches every
 * destination: the paper topic carries each alert id (at least once; once after deduplication by id), the webhook got
 * each with its stable event id, GreenMail an e-mail for each.
 */
class CrashIntegrationTest extends DeliveryTestBase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);
    static final WebhookReceiver WEBHOOKS = new WebhookReceiver();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @AfterAll
    static void closeWebhooks() {
        WEBHOOKS.close();
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aKilledInstanceLosesNoBarAndDoublesNoAlert() throws Exception {
        User user = newUser();
        String owner = user.id();
        String replay = "replay-" + UUID.randomUUID();
        String pub = "pub_" + UUID.randomUUID().toString().substring(0, 8);
        String email = "trader-" + UUID.randomUUID() + "@example.com";
        WebhookReceiver.Hook hook = WEBHOOKS.hook(WebhookReceiver.Answer.answer(200));
        assertThat(put("/alerts/destinations", user.token(), "{\"email\": \"" + email + "\", \"push\": {\"url\": \""
                + hook.url() + "\", \"secret\": \"whsec-0123456789abcdef\"}}").status()).isEqualTo(200);
        UPSTREAMS.addTrainedModel(owner, "spy_swing_momentum_v1_trained_001", artifacts);
        Publication paper = publication(pub, owner, replay);
        store.upsert(new Publication(paper.id(), paper.ownerId(), paper.modelId(), paper.trainedModelId(), paper.ticker(),
                paper.timeframe(), paper.packId(), paper.packVersion(), paper.strategyId(), paper.effectiveConfig(),
                paper.name(), paper.maxAlertsPerDay(), true, paper.paperEquity(), paper.feed(), "paper_trading"), Instant.now());

        // the topic exists before the other instance subscribes (a bar of a ticker nobody follows creates it)
        sender.send("market.bars.5m", EventCatalog.envelope(UUID.randomUUID(), new BarClosed("QQQ", "America/New_York", "5m",
                Instant.parse("2011-03-01T14:30:00Z"), Instant.parse("2011-03-01T14:35:00Z"), 1, 1, 1, 1, 1.0, "replay",
                "none", 0), null, "QQQ", Instant.now())).get();
        MessageListenerContainer local = listeners.getListenerContainer("alert-bars");
        local.stop();
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(infra, "alert", JWKS.jwkSetUri()));
        args.addAll(List.of("--sigmatiq.identity.service-secret=test-service-secret",
                "--sigmatiq.identity.token-uri=" + UPSTREAMS.url() + "/api/auth/service-token",
                "--sigmatiq.services.pack-service=" + UPSTREAMS.url(), "--sigmatiq.services.market-data-service=" + UPSTREAMS.url(),
                "--sigmatiq.services.training-service=" + UPSTREAMS.url(),
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=3025", "--sigmatiq.alert.push.request-timeout=4s",
                "--sigmatiq.alert.secret-key=test-alert-secret-key-0123456789",
                // rows it has claimed when it dies are taken over once their lease ends: 15 s (longer than a send
                // may take: connect 5 s + request 4 s; a Kafka send 10 s), not the 60 s default the test would wait out
                "--sigmatiq.alert.dispatch.lease=15s",
                "--logging.level.org.springframework.kafka.listener=INFO",
                // its only snapshot is the one after the warm-up: whoever takes over must read the bars again from there
                "--sigmatiq.alert.runtime.snapshot-every=1000000", "--sigmatiq.alert.runtime.snapshot-idle=1h"));
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
            // the stream's progress is stored with each batch's alerts; its evaluations wait for a snapshot, and the
            // only one it wrote is the warm-up's
            Awaitility.await("the other instance stores part of the burst's alerts").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20)).until(() -> taken(replay) >= 200);
            other.kill();
            long atKill = taken(replay);
            assertThat(atKill).as("killed mid-burst; its log:\n" + other.tail()).isLessThan(bars);
            assertThat(evaluations(pub)).as("evaluations written by the killed instance").isZero();
            System.out.printf("alert-service pid %d killed with %d of %d bars taken%n", other.pid(), atKill, bars);
        } finally {
            local.start();
        }
        Awaitility.await("every bar evaluated once").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> evaluations(pub) == bars);
        assertThat(overlappingBlocks(pub)).as("blocks of evaluations that share a bar").isZero();
        List<Alert> stored = jdbc.sql("select alert::text from alerts where publication_id = ?").param(pub)
                .query(String.class).list().stream().map(a -> JSON.readValue(a, Alert.class))
                .sorted(Comparator.comparing(Alert::timestamp).thenComparing(a -> a.signal().action().ordinal(),
                        Comparator.reverseOrder()))
                .toList();
        assertThat(ModelRuntimeParityTest.seen(stored))
                .containsExactlyElementsOf(ModelRuntimeParityTest.expected(trades, b));


        // every destination got every alert
        Set<String> ids = stored.stream().map(Alert::alertId).collect(Collectors.toSet());
        Awaitility.await("every delivery sent").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                count("select count(*) from deliveries d join alerts a on a.alert_id = d.alert_id where a.publication_id = ?"
                        + " and d.status = 'sent'", pub) == 3L * ids.size());
        assertThat(paperTopicAlertIds(pub)).as("sim: each alert id, once after deduplication").isEqualTo(ids);
        assertThat(hook.received().stream().map(WebhookReceiver.Received::eventId).collect(Collectors.toSet()))
                .as("webhook: every alert, stable event ids").isEqualTo(ids);
        long mails = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
        assertThat(mails).as("an e-mail per alert, at least").isGreaterThanOrEqualTo(ids.size());
    }

    /** The distinct {@code alert_id} headers on {@code alerts.paper} under the publication's key. */
    private Set<String> paperTopicAlertIds(String pub) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor("alerts.paper").stream()
                    .map(i -> new TopicPartition("alerts.paper", i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Header h = r.headers().lastHeader("alert_id");
                    if (pub.equals(r.key()) && h != null) {
                        ids.add(new String(h.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    /** Bars of the replay whose alerts are stored. */
    private long taken(String replay) {
        return count("select coalesce(sum(bars), 0) from streams where feed = ?", replay);
    }

    private long evaluations(String pub) {
        return evaluated(pub);
    }
}
