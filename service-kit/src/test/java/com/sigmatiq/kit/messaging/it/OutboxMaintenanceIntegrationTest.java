package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's chores, on short settings: completed publications are deleted once older than
 * {@code keep-completed}; a publication whose send failed while the service runs is sent again once older than
 * {@code resubmit-after}.
 */
@SigmatiqIntegrationTest(classes = MessagingTestApplication.class, properties = {
        "sigmatiq.messaging.outbox.keep-completed=2s",
        "sigmatiq.messaging.outbox.cleanup-interval=200ms",
        "sigmatiq.messaging.outbox.resubmit-after=2s",
        "sigmatiq.messaging.outbox.resubmit-interval=200ms"})
@ActiveProfiles(MessagingTestApplication.PROFILE)
class OutboxMaintenanceIntegrationTest {

    @Autowired
    Widgets widgets;
    @Autowired
    KafkaSwitch kafka;

    @AfterEach
    void brokerBack() {
        kafka.set(KafkaSwitch.Mode.UP);
    }

    @Test
    void aCompletedPublicationIsDeletedOnceOlderThanItsKeep() {
        String id = "w-" + UUID.randomUUID();

        widgets.create(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> Publications.of(id).stream().anyMatch(p -> p.completed()));
        await().atMost(Duration.ofSeconds(30)).until(() -> Publications.of(id).isEmpty());
        assertThat(TopicContents.keyed(Topics.MODEL_EVENTS, id)).hasSize(1);
    }

    @Test
    void aPublicationWhoseSendFailedIsSentAgainWhileTheServiceRuns() {
        String id = "w-" + UUID.randomUUID();
        kafka.set(KafkaSwitch.Mode.DOWN);
        int refusedBefore = kafka.refused();

        widgets.create(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.refused() > refusedBefore);
        assertThat(Publications.of(id)).singleElement().satisfies(p -> assertThat(p.completed()).isFalse());
        kafka.set(KafkaSwitch.Mode.UP);

        await().atMost(Duration.ofSeconds(30)).until(() -> !TopicContents.keyed(Topics.MODEL_EVENTS, id).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> Publications.of(id).stream().allMatch(p -> p.completed()));
    }
}
