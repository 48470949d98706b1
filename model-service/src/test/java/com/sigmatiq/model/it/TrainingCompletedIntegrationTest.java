package com.sigmatiq.model.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.training.TrainingCompleted;
import com.sigmatiq.model.support.ApiClient;
import com.sigmatiq.model.support.ModelEventsConsumer;
import com.sigmatiq.model.support.StubPackService;
import com.sigmatiq.model.support.TestIdentity;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * training-service's {@code training.completed} moves the owner's model from {@code swept} to {@code trained}, once; a
 * redelivery stops at the kit's inbox; another owner's model, a model never swept and a model further along are left
 * as they are.
 */
@SigmatiqIntegrationTest
class TrainingCompletedIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "training-completed-test";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIdentity.get().jwkSetUri());
        registry.add("sigmatiq.services.pack-service", () -> StubPackService.get().baseUrl());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static EventEnvelope<TrainingCompleted> completion(String owner, String modelId) {
        String jobId = "job_" + UUID.randomUUID();
        return new EventEnvelope<>(UUID.randomUUID(), TrainingCompleted.TYPE, Instant.now(), EventEnvelope.CURRENT_VERSION,
                owner, jobId, new TrainingCompleted(jobId, modelId, modelId + "_trained_001", 15, "sweep_1", 1.2, 0.9, 0.61,
                        Instant.now()));
    }

    private void publish(String owner, String modelId) {
        publish(completion(owner, modelId));
    }

    private void publish(EventEnvelope<TrainingCompleted> event) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            // one key for every event of this test: one partition, so they are consumed in the order sent
            producer.send(new ProducerRecord<>(Topics.TRAINING_EVENTS, KEY, JSON.writeValueAsString(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bootstrap() {
        return SigmatiqInfrastructure.start().kafkaBootstrapServers();
    }

    /** Creates the owner's model and moves it along {@code path} through the API. */
    private void model(String owner, String modelId, String... path) {
        Map<String, Object> request = ModelApiIntegrationTest.seedRequest();
        request.put("model_id", modelId);
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/models", TestIdentity.get().token(owner), request).status()).isEqualTo(201);
        for (String next : path) {
            assertThat(api.patch("/models/" + modelId + "/status", TestIdentity.get().token(owner), Map.of("status", next))
                    .status()).as("-> " + next).isEqualTo(200);
        }
    }

    private String status(String owner, String modelId) {
        return new ApiClient(port).get("/models/" + modelId, TestIdentity.get().token(owner)).json().get("status").asString();
    }

    private static List<ModelEventsConsumer.Event> movesToTrained(String modelId) {
        return ModelEventsConsumer.readAll(bootstrap()).stream().filter(e -> isMoveToTrained(e, modelId)).toList();
    }

    private static boolean isMoveToTrained(ModelEventsConsumer.Event e, String modelId) {
        return e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(modelId)
                && e.body().path("payload").path("to").asString("").equals("trained");
    }

    /** A swept marker model of the owner, then its completion behind every event sent before: waits until it moved. */
    private void awaitEverythingSentSoFar(String owner, String modelId) {
        String marker = modelId + "_marker";
        model(owner, marker, "swept");
        publish(owner, marker);
        ModelEventsConsumer.await(bootstrap(), e -> isMoveToTrained(e, marker), 1, Duration.ofSeconds(30));
        assertThat(status(owner, marker)).isEqualTo("trained");
    }

    @Test
    void aCompletedTrainingMovesTheOwnersSweptModelToTrainedOnce() {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String modelId = "trained_" + UUID.randomUUID().toString().substring(0, 8);
        model(alice, modelId, "swept");
        model(bob, modelId, "swept");

        publish(alice, modelId);
        publish(alice, modelId); // a second completion (another job of the same model)
        publish(alice, "no_such_model");
        var changes = ModelEventsConsumer.await(bootstrap(), e -> isMoveToTrained(e, modelId), 1, Duration.ofSeconds(30));
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).body().path("owner_id").asString()).isEqualTo(alice);
        assertThat(changes.get(0).body().path("payload").path("from").asString()).isEqualTo("swept");
        assertThat(status(alice, modelId)).isEqualTo("trained");
        assertThat(status(bob, modelId)).as("bob's model of the same id is untouched").isEqualTo("swept");

        awaitEverythingSentSoFar(alice, modelId);
        assertThat(movesToTrained(modelId)).hasSize(1);
        assertThat(status(bob, modelId)).isEqualTo("swept");
    }

    @Test
    void aRedeliveredCompletionIsRecordedOnceInTheInboxAndMovesTheModelOnce() {
        String alice = UUID.randomUUID().toString();
        String modelId = "redelivered_" + UUID.randomUUID().toString().substring(0, 8);
        model(alice, modelId, "swept");
        EventEnvelope<TrainingCompleted> completion = completion(alice, modelId);

        publish(completion);
        publish(completion);
        publish(completion);
        awaitEverythingSentSoFar(alice, modelId);

        assertThat(status(alice, modelId)).isEqualTo("trained");
        assertThat(jdbc.sql("SELECT count(*) FROM event_inbox WHERE consumer = 'model-service.training-events' AND event_id = ?")
                .param(completion.eventId()).query(Long.class).single()).isEqualTo(1);
        assertThat(movesToTrained(modelId)).hasSize(1);
    }

    @Test
    void aModelWhoseSweepEventIsLateIsTrainedAndOneFurtherAlongIsLeftAsItIs() {
        String alice = UUID.randomUUID().toString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String created = "created_" + suffix;
        String published = "paper_" + suffix;
        model(alice, created);
        model(alice, published, "swept", "trained", "paper_trading");

        EventEnvelope<TrainingCompleted> toCreated = completion(alice, created);
        EventEnvelope<TrainingCompleted> toPublished = completion(alice, published);
        publish(toCreated);
        publish(toPublished);
        awaitEverythingSentSoFar(alice, created);

        assertThat(status(alice, created)).as("training needs a completed sweep: its late event is taken as done")
                .isEqualTo("trained");
        assertThat(status(alice, published)).isEqualTo("paper_trading");
        assertThat(movesToTrained(created)).hasSize(1);
        assertThat(ModelEventsConsumer.readAll(bootstrap()).stream().filter(e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(created))).as("created -> swept -> trained")
                .hasSize(2);
        assertThat(ModelEventsConsumer.readAll(bootstrap()).stream().filter(e -> e.type().equals("model.status_changed")
                && e.body().path("payload").path("model_id").asString("").equals(published))).as("only the three PATCHes")
                .hasSize(3);
        // both were handled (recorded in the inbox), not skipped
        assertThat(jdbc.sql("SELECT count(*) FROM event_inbox WHERE consumer = 'model-service.training-events'"
                        + " AND event_id IN (?, ?)").param(toCreated.eventId()).param(toPublished.eventId())
                .query(Long.class).single()).isEqualTo(2);
    }
}
