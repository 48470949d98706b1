package com.sigmatiq.model.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.model.support.ApiClient;
import com.sigmatiq.model.support.ModelEventsConsumer;
import com.sigmatiq.model.support.StubPackService;
import com.sigmatiq.model.support.TestIdentity;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * sweep-service's {@code sweep.completed} moves the model to {@code swept}, once, and only the owner's model; a redelivery
 * of the same event stops at the kit's inbox.
 */
@SigmatiqIntegrationTest
class SweepCompletedIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "sweep-completed-test";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIdentity.get().jwkSetUri());
        registry.add("sigmatiq.services.pack-service", () -> StubPackService.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static EventEnvelope<SweepCompleted> completion(String owner, String modelId) {
        String sweepId = "sweep_" + UUID.randomUUID();
        return new EventEnvelope<>(UUID.randomUUID(), SweepCompleted.TYPE, Instant.now(), EventEnvelope.CURRENT_VERSION, owner,
                sweepId, new SweepCompleted(sweepId, modelId, 45, 3, 42, 15L, 1.2, Instant.now()));
    }

    private void publish(String owner, String modelId) {
        publish(completion(owner, modelId));
    }

    private void publish(EventEnvelope<SweepCompleted> event) {
        Properties p = new Properties();
        p.put("bootstrap.servers", SigmatiqInfrastructure.start().kafkaBootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // one key for every event of this test: one partition, so they are consumed in the order sent
            producer.send(new ProducerRecord<>(Topics.SWEEP_EVENTS, KEY, JSON.writeValueAsString(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(String owner, String modelId) {
        return new ApiClient(port).get("/models/" + modelId, TestIdentity.get().token(owner)).json().get("status").asString();
    }

    @Test
    void aCompletedSweepMovesTheModelToSweptOnce() {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        Map<String, Object> request = ModelApiIntegrationTest.seedRequest();
        String modelId = "swept_" + UUID.randomUUID().toString().substring(0, 8);
        request.put("model_id", modelId);
        assertThat(new ApiClient(port).post("/models", TestIdentity.get().token(alice), request).status()).isEqualTo(201);
        assertThat(new ApiClient(port).post("/models", TestIdentity.get().token(bob), request).status()).isEqualTo(201);

        publish(alice, modelId);
        publish(alice, modelId); // redelivery
        publish(alice, "no_such_model");
        String bootstrap = SigmatiqInfrastructure.start().kafkaBootstrapServers();
        var changes = ModelEventsConsumer.await(bootstrap, e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(modelId), 1, Duration.ofSeconds(30));
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).body().path("owner_id").asString()).isEqualTo(alice);
        assertThat(changes.get(0).body().path("payload").path("to").asString()).isEqualTo("swept");
        assertThat(status(alice, modelId)).isEqualTo("swept");
        assertThat(status(bob, modelId)).as("bob's model of the same id is untouched").isEqualTo("created");
        // a later redelivery changes nothing either; a marker model behind it on the same partition tells when it was consumed
        publish(alice, modelId);
        request.put("model_id", modelId + "_marker");
        assertThat(new ApiClient(port).post("/models", TestIdentity.get().token(alice), request).status()).isEqualTo(201);
        publish(alice, modelId + "_marker");
        ModelEventsConsumer.await(bootstrap, e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(modelId + "_marker"), 1, Duration.ofSeconds(30));
        assertThat(status(alice, modelId + "_marker")).isEqualTo("swept");
        assertThat(ModelEventsConsumer.readAll(bootstrap).stream().filter(e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(modelId))).hasSize(1);
    }

    @Test
    void aRedeliveredCompletionIsRecordedOnceInTheInboxAndMovesTheModelOnce() {
        String alice = UUID.randomUUID().toString();
        Map<String, Object> request = ModelApiIntegrationTest.seedRequest();
        String modelId = "redelivered_" + UUID.randomUUID().toString().substring(0, 8);
        request.put("model_id", modelId);
        assertThat(new ApiClient(port).post("/models", TestIdentity.get().token(alice), request).status()).isEqualTo(201);
        EventEnvelope<SweepCompleted> completion = completion(alice, modelId);

        publish(completion);
        publish(completion);
        publish(completion);
        // a marker model behind them on the same partition tells when all three were consumed
        request.put("model_id", modelId + "_marker");
        assertThat(new ApiClient(port).post("/models", TestIdentity.get().token(alice), request).status()).isEqualTo(201);
        publish(alice, modelId + "_marker");
        String bootstrap = SigmatiqInfrastructure.start().kafkaBootstrapServers();
        ModelEventsConsumer.await(bootstrap, e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(modelId + "_marker"), 1, Duration.ofSeconds(30));

        assertThat(status(alice, modelId)).isEqualTo("swept");
        assertThat(jdbc.sql("SELECT count(*) FROM event_inbox WHERE consumer = 'model-service.sweep-events' AND event_id = ?")
                .param(completion.eventId()).query(Long.class).single()).isEqualTo(1);
        assertThat(ModelEventsConsumer.readAll(bootstrap).stream().filter(e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(modelId))).hasSize(1);
    }
}
