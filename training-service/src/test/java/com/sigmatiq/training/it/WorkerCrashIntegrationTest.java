package com.sigmatiq.training.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.testinfra.ServiceJvm;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of a worker in the middle of a job. This context's own worker is stopped, so the job goes to a worker in a
 * separate JVM; while that one is fitting the booster it is killed with SIGKILL (no shutdown, no offset commit).
 * Then this context's worker starts: the broker hands it the unacknowledged job, which it trains again from the
 * start. Exactly one result, one set of artifacts and one {@code training.completed} are stored; a duplicate message
 * afterwards changes nothing.
 */
class WorkerCrashIntegrationTest extends IntegrationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void aWorkerKilledMidJobLeavesItToAnotherWithExactlyOneResult() throws Exception {
        MessageListenerContainer localWorker = listeners.getListenerContainer("training-worker");
        localWorker.stop();
        User u = newUser();
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(ServiceJvm.infrastructureArgs(infra, "training", JWKS.jwkSetUri()));
        args.addAll(List.of("--spring.profiles.active=worker", "--sigmatiq.training.worker.session-timeout-ms=6000",
                "--logging.level.org.springframework.kafka.listener=INFO"));
        String job;
        try (ServiceJvm worker = new ServiceJvm("com.sigmatiq.training.TrainingServiceApplication",
                "training-workers: partitions assigned: [training.jobs", args)) {
            worker.awaitReady(120);
            // one configuration, many trees: long enough to be killed while fitting
            String body = withHyperparameters(SEED_FIRST_ONLY, "{\"n_estimators\": 4000}");
            TestApi.Response created = api().post("/training/jobs", u.token(), body);
            assertThat(created.status()).as(created.raw()).isEqualTo(202);
            assertThat(created.body().path("jobs")).hasSize(1);
            job = created.body().path("jobs").get(0).path("job_id").asString();
            String id = job;
            Awaitility.await("the worker process fits the booster").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(50)).until(() -> fitting(api().get("/training/jobs/" + id, u.token()).body()));
            worker.kill();
            JsonNode mid = api().get("/training/jobs/" + job, u.token()).body();
            assertThat(mid.path("status").asString()).as("killed mid-job; worker log:\n" + worker.tail()).isEqualTo("training");
            assertThat(mid.path("attempts").asInt()).isEqualTo(1);
        } finally {
            localWorker.start();
        }
        JsonNode done = awaitJob(job, u.token(), "completed", Duration.ofMinutes(4));
        assertThat(done.path("attempts").asInt()).as("trained again after the kill").isEqualTo(2);
        UUID id = UUID.fromString(job);
        assertThat(count("select count(*) from training_results where job_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from training_artifacts where job_id = ?", id)).isEqualTo(4);
        assertThat(count("select count(*) from event_publication where serialized_event like ?", "%" + job + "%")).isEqualTo(1);

        // the same job once more: skipped, nothing stored twice
        kafka.send("training.jobs", job, job).get();
        kafka.send("training.jobs", job, job).get();
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                count("select count(*) from training_results where job_id = ?", id) == 1
                        && api().get("/training/jobs/" + job, u.token()).body().path("attempts").asInt() == 2);
    }

    private static boolean fitting(JsonNode job) {
        for (JsonNode step : job.path("progress")) {
            if (step.path("step").asString().equals("model_training")) {
                return step.path("status").asString().equals("in_progress");
            }
        }
        return false;
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
