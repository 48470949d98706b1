package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash between the commit and the send loses nothing: the first run commits a change while its send never
 * completes (the producer swallows it, as a process killed before the broker answers), and stops with the publication
 * incomplete; a second run on the same database sends it at its start. The broker then holds the event exactly once,
 * with the id written in the commit.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class OutboxRestartIntegrationTest {

    @Test
    void anEventCommittedButNotSentBeforeTheStopIsSentOnceAfterTheRestart() {
        String id = "w-" + UUID.randomUUID();

        EventEnvelope<ModelCreated> committed;
        // the task that sends waits for an answer that never comes: the stop need not wait its default 30 s for it
        try (ConfigurableApplicationContext first = start("kit-test.kafka=hang", "spring.lifecycle.timeout-per-shutdown-phase=1s")) {
            committed = first.getBean(Widgets.class).create(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.getBean(KafkaSwitch.class).held() >= 1);
            assertThat(first.getBean(Widgets.class).exists(id)).isTrue();
        }
        assertThat(Publications.of(id)).singleElement().satisfies(p -> {
            assertThat(p.event()).isEqualTo(committed);
            assertThat(p.completed()).isFalse();
        });
        assertThat(TopicContents.keyed(Topics.MODEL_EVENTS, id)).as("nothing reached Kafka before the stop").isEmpty();

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Publications.of(id).stream().allMatch(p -> p.completed()));
        }
        // the second run is closed: its producer has sent all it ever will
        List<TopicContents.Event> sent = TopicContents.keyed(Topics.MODEL_EVENTS, id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).envelope()).isEqualTo(committed);
        assertThat(Publications.of(id)).singleElement().satisfies(p -> assertThat(p.completed()).isTrue());
    }

    private static ConfigurableApplicationContext start(String... extra) {
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + infra.jdbcUrl(Publications.SCHEMA),
                "--spring.datasource.username=" + infra.username(),
                "--spring.datasource.password=" + infra.password(),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers()));
        for (String kv : extra) {
            args.add("--" + kv);
        }
        return new SpringApplicationBuilder(MessagingTestApplication.class).profiles(MessagingTestApplication.PROFILE)
                .run(args.toArray(String[]::new));
    }
}
