package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventEnvelopeCodec;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox and the kit's listener across a restart of the real broker (~10 s down), a change committed every 100 ms
 * all the while, with the outbox's default settings: every event reaches the broker once (the producer holds what it
 * cannot send until the broker is back, well within {@code resubmit-after}), no publication stays incomplete, and the
 * listener consumes again.
 */
@SigmatiqIntegrationTest(classes = MessagingTestApplication.class)
@ActiveProfiles(MessagingTestApplication.PROFILE)
class BrokerRestartIntegrationTest {

    @Autowired
    Widgets widgets;
    @Autowired
    SweepCompletions completions;

    @Test
    void theOutboxSendsEveryCommittedEventOnceAcrossABrokerRestartAndTheListenerConsumesAgain() throws Exception {
        List<String> stored = RestartDrills.createWhile(widgets, SigmatiqInfrastructure::restartKafka);
        assertThat(stored).as("the database stayed up: a change every 100 ms committed").hasSizeGreaterThan(10);
        Map<String, Long> onTopic = RestartDrills.assertEveryEventSent(stored, "broker restart");
        assertThat(stored).allSatisfy(id -> assertThat(onTopic.get(id)).as(id + " once").isEqualTo(1));

        String sweep = "s-" + UUID.randomUUID();
        EventEnvelope<SweepCompleted> event = EventCatalog.envelope(UUID.randomUUID(),
                new SweepCompleted(sweep, "m1", 10, 4, 6, 3L, 1.1, Instant.now()), "owner-1", sweep, Instant.now());
        Map<String, Object> props = Map.of("bootstrap.servers", SigmatiqInfrastructure.start().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.SWEEP_EVENTS, sweep, new EventEnvelopeCodec().writeString(event)))
                    .get(30, TimeUnit.SECONDS);
        }
        await("the listener consumes after the restart").atMost(Duration.ofSeconds(60))
                .until(() -> completions.handled(sweep) == 1);
    }
}
