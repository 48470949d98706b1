package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.model.ModelDeleted;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.kit.messaging.EventSender;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox on the real embedded PostgreSQL and Kafka: an event leaves if and only if its change commits. */
@SigmatiqIntegrationTest(classes = MessagingTestApplication.class)
@ActiveProfiles(MessagingTestApplication.PROFILE)
class OutboxIntegrationTest {

    @Autowired
    Widgets widgets;
    @Autowired
    EventOutbox outbox;
    @Autowired
    EventSender sender;

    private static String newId() {
        return "w-" + UUID.randomUUID();
    }

    @Test
    void theEventOfACommittedChangeIsSentOnceAndThatOfARolledBackChangeNever() {
        String committed = newId();
        String rolledBack = newId();

        EventEnvelope<ModelCreated> event = widgets.create(committed);
        assertThatThrownBy(() -> widgets.create(rolledBack, true)).isInstanceOf(IllegalStateException.class);

        // the rolled-back change left neither its row nor its publication
        assertThat(widgets.exists(rolledBack)).isFalse();
        assertThat(Publications.of(rolledBack)).isEmpty();
        // the committed one was written with its change, and completes once the broker has it
        assertThat(widgets.exists(committed)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> Publications.of(committed).stream().allMatch(p -> p.completed())
                && Publications.of(committed).size() == 1);
        assertThat(Publications.of(committed).get(0).event()).isEqualTo(event);

        List<TopicContents.Event> sent = TopicContents.keyed(Topics.MODEL_EVENTS, committed);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).envelope()).isEqualTo(event);
        assertThat(sent.get(0).envelope().payload()).isInstanceOf(ModelCreated.class);
        assertThat(TopicContents.keyed(Topics.MODEL_EVENTS, rolledBack)).isEmpty();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        String id = newId();

        assertThatThrownBy(() -> outbox.publish(new ModelDeleted(id), "owner-1", id))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
        assertThat(Publications.of(id)).isEmpty();
    }

    @Test
    void anEventWithoutASingleTopicGoesThroughTheSenderNotTheOutbox() throws Exception {
        BarClosed bar = new BarClosed("KIT" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(), "America/New_York", "1m",
                Instant.parse("2011-03-01T14:30:00Z"), Instant.parse("2011-03-01T14:31:00Z"), 1, 2, 0.5, 1.5, 100.0, "live", null, 0);
        EventEnvelope<BarClosed> event = EventCatalog.envelope(UUID.randomUUID(), bar, null, bar.ticker(), Instant.now());

        assertThatThrownBy(() -> outbox.publish(event)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no single topic");

        RecordMetadata sent = sender.send(Topics.MARKET_BARS_1M, event).get(30, TimeUnit.SECONDS);
        assertThat(sent.topic()).isEqualTo(Topics.MARKET_BARS_1M);
        List<TopicContents.Event> onTopic = TopicContents.keyed(Topics.MARKET_BARS_1M, bar.ticker());
        assertThat(onTopic).hasSize(1);
        assertThat(onTopic.get(0).envelope()).isEqualTo(event);
    }
}
