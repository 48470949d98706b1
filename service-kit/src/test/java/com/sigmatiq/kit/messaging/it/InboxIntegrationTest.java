package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventEnvelopeCodec;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox behind the kit's listener factory: records are produced on {@code sweep.events} as another service would
 * (plain strings, one key, so they are consumed in the order sent), and a marker event sent last tells when everything
 * before it was consumed.
 */
@SigmatiqIntegrationTest(classes = MessagingTestApplication.class)
@ActiveProfiles(MessagingTestApplication.PROFILE)
class InboxIntegrationTest {

    private static final String KEY = "kit-inbox-test";
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();

    @Autowired
    SweepCompletions completions;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;

    private static EventEnvelope<SweepCompleted> completion(String sweepId) {
        return EventCatalog.envelope(UUID.randomUUID(), new SweepCompleted(sweepId, "m1", 10, 4, 6, 3L, 1.1, Instant.now()),
                "owner-1", sweepId, Instant.now());
    }

    private static void produce(String... values) {
        Map<String, Object> props = Map.of("bootstrap.servers", SigmatiqInfrastructure.start().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(Topics.SWEEP_EVENTS, KEY, value)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHandled(String sweepId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> completions.handled(sweepId) > 0);
    }

    private long inboxRows(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM event_inbox WHERE consumer = ? AND event_id = ?")
                .params(SweepCompletions.CONSUMER, eventId).query(Long.class).single();
    }

    @Test
    void aDuplicatedEventIsHandledOnce() {
        EventEnvelope<SweepCompleted> event = completion("s-" + UUID.randomUUID());
        EventEnvelope<SweepCompleted> marker = completion("marker-" + UUID.randomUUID());
        String json = CODEC.writeString(event);

        produce(json, json, json, CODEC.writeString(marker));
        awaitHandled(marker.subjectId());

        assertThat(completions.handled(event.subjectId())).isEqualTo(1);
        assertThat(completions.attempts(event.subjectId())).as("repeats stop at the inbox, before the handler").isEqualTo(1);
        assertThat(inboxRows(event.eventId())).isEqualTo(1);
        assertThat(inbox.received(SweepCompletions.CONSUMER, event.eventId())).isTrue();
        assertThat(inbox.received("another-consumer", event.eventId())).as("the inbox is per consumer").isFalse();
    }

    @Test
    void aHandlerThatFailsLeavesNoInboxRowSoTheRedeliveryRunsIt() {
        EventEnvelope<SweepCompleted> event = completion("s-" + UUID.randomUUID());
        completions.failOnce(event.subjectId());

        produce(CODEC.writeString(event));
        awaitHandled(event.subjectId());

        assertThat(completions.attempts(event.subjectId())).isEqualTo(2);
        assertThat(completions.handled(event.subjectId())).as("the first attempt's row was rolled back").isEqualTo(1);
        assertThat(inboxRows(event.eventId())).isEqualTo(1);
    }

    @Test
    void recordsThatAreNotEnvelopesOrOfUnknownTypesAreSkippedWithoutBlockingTheOthers() {
        EventEnvelope<SweepCompleted> marker = completion("marker-" + UUID.randomUUID());
        String unknownType = """
                {"event_id":"%s","type":"sweep.exploded","occurred_at":"2025-01-02T03:04:05Z","version":1,
                 "owner_id":"u","subject_id":"x","payload":{"sweep_id":"x"}}""".formatted(UUID.randomUUID());

        produce("not json", "{\"type\":\"sweep.completed\"}", unknownType, CODEC.writeString(marker));
        awaitHandled(marker.subjectId());

        assertThat(completions.handled("x")).isZero();
    }

    @Test
    void entriesOlderThanTheirKeepAreForgotten() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        jdbc.sql("INSERT INTO event_inbox (consumer, event_id, event_type, received_at) VALUES (?, ?, 'sweep.completed', now() - interval '40 days')")
                .params("cleanup-test", old).update();
        jdbc.sql("INSERT INTO event_inbox (consumer, event_id, event_type, received_at) VALUES (?, ?, 'sweep.completed', now() - interval '20 days')")
                .params("cleanup-test", recent).update();

        assertThat(inbox.forgetOlderThan(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);

        assertThat(inbox.received("cleanup-test", old)).isFalse();
        assertThat(inbox.received("cleanup-test", recent)).isTrue();
    }
}
