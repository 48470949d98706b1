package com.sigmatiq.model.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sigmatiq.model.ModelServiceApplication;
import com.sigmatiq.model.support.ApiClient;
import com.sigmatiq.model.support.ModelEventsConsumer;
import com.sigmatiq.model.support.ModelEventsConsumer.Event;
import com.sigmatiq.model.support.StubPackService;
import com.sigmatiq.model.support.TestIdentity;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox keeps its promise across a stop: a model is committed while no event can reach Kafka (every
 * send of the first run fails: {@code max.request.size=1}), the service stops with the publication still
 * outstanding in {@code model.event_publication}, and a fresh start on the same database sends it. Once that run is
 * stopped (nothing more can come from it), Kafka holds exactly one {@code model.created} for that model, with the event
 * id written in the commit; no deduplication by the reader is involved. The kit tests the outbox in general
 * (service-kit's {@code OutboxRestartIntegrationTest}); this is model-service's own wiring of it.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class OutboxRestartIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anEventCommittedButNotSentBeforeTheStopReachesKafkaExactlyOnceAfterTheRestart() throws Exception {
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        String owner = UUID.randomUUID().toString();
        String modelId = "outbox_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> request = ModelApiIntegrationTest.seedRequest();
        request.put("model_id", modelId);

        // 1. The change commits; the event cannot be sent; the service stops.
        Publication pending;
        try (ConfigurableApplicationContext first = start(infra, "spring.kafka.producer.properties.max.request.size=1",
                "spring.kafka.producer.properties.max.block.ms=5000")) {
            ApiClient api = new ApiClient(port(first));
            ApiClient.Response created = api.post("/models", TestIdentity.get().token(owner), request);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(api.get("/models/" + modelId, TestIdentity.get().token(owner)).status()).isEqualTo(200);
            pending = publication(infra, modelId);
            assertThat(pending).as("the publication is written in the model's transaction").isNotNull();
            assertThat(pending.completed()).isFalse();
        }
        assertThat(eventsOf(infra, modelId)).as("nothing reached Kafka before the stop").isEmpty();

        // 2. A new run on the same database sends what is outstanding.
        try (ConfigurableApplicationContext second = start(infra)) {
            List<Event> sent = ModelEventsConsumer.await(infra.kafkaBootstrapServers(), e -> modelId.equals(e.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(sent).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> publication(infra, modelId).completed());
        }
        // the second run is closed, its producer flushed and gone: what it sent is all it will ever send
        List<Event> events = eventsOf(infra, modelId);
        assertThat(events).hasSize(1);
        Event e = events.get(0);
        assertThat(e.type()).isEqualTo("model.created");
        assertThat(e.eventId()).isEqualTo(pending.eventId());
        assertThat(e.body().get("owner_id").asString()).isEqualTo(owner);
        assertThat(e.body().get("subject_id").asString()).isEqualTo(modelId);
        assertThat(e.body().get("version").asInt()).isEqualTo(1);
        assertThat(e.body().get("payload").get("model_id").asString()).isEqualTo(modelId);
        assertThat(publication(infra, modelId).completed()).isTrue();
    }

    private static List<Event> eventsOf(SigmatiqInfrastructure.Endpoints infra, String modelId) {
        return ModelEventsConsumer.readAll(infra.kafkaBootstrapServers()).stream().filter(e -> modelId.equals(e.key())).toList();
    }

    private static ConfigurableApplicationContext start(SigmatiqInfrastructure.Endpoints infra, String... extra) {
        // as command-line arguments: they must win over application.yaml
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", infra.jdbcUrl("model"));
        props.put("spring.datasource.username", infra.username());
        props.put("spring.datasource.password", infra.password());
        props.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        props.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIdentity.get().jwkSetUri());
        props.put("sigmatiq.services.pack-service", StubPackService.get().baseUrl());
        List<String> args = new ArrayList<>();
        props.forEach((k, v) -> args.add("--" + k + "=" + v));
        for (String kv : extra) {
            args.add("--" + kv);
        }
        return new SpringApplicationBuilder(ModelServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    record Publication(String eventId, boolean completed) {
    }

    /** The registry's row for the model's {@code model.created}, or null. */
    private static Publication publication(SigmatiqInfrastructure.Endpoints infra, String modelId) throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("model"), infra.username(), infra.password());
             PreparedStatement s = c.prepareStatement("SELECT serialized_event, completion_date FROM event_publication "
                     + "WHERE serialized_event LIKE ? AND serialized_event LIKE '%model.created%'")) {
            s.setString(1, "%\"subject_id\":\"" + modelId + "\"%");
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String eventId = JSON.readTree(rs.getString(1)).get("event_id").asString();
                Timestamp completed = rs.getTimestamp(2);
                assertThat(rs.next()).as("one publication per event").isFalse();
                return new Publication(eventId, completed != null);
            }
        }
    }
}
