package com.sigmatiq.sweep.it;

import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.sweep.domain.WorkChunk;
import com.sigmatiq.sweep.support.WorkerProcess;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of a worker in the middle of a sweep. This context's own worker is stopped, so the seed's custom sweep
 * (18,900 combinations) goes to a worker running in a separate JVM; once some results are stored that JVM is killed
 * with SIGKILL (no shutdown, no offset commit: its chunk in flight and its uncommitted ones are redelivered).
 * Work for units that already have results is also published again on purpose. Then this context's worker starts
 * again: the sweep must finish with exactly 18,900 results, each combination once, the done counter 18,900.
 */
class WorkerCrashIntegrationTest extends IntegrationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JsonMapper json;

    @Test
    void aWorkerKilledMidSweepLosesNothingAndCountsNothingTwice() throws Exception {
        MessageListenerContainer localWorker = listeners.getListenerContainer("sweep-worker");
        localWorker.stop();
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        String token = newUserWithModel();
        UUID id;
        try (WorkerProcess worker = new WorkerProcess(infra.jdbcUrl("sweep"), infra.username(), infra.password(),
                infra.kafkaBootstrapServers(), JWKS.jwkSetUri(), "--sigmatiq.sweep.worker.concurrency=1",
                "--sigmatiq.sweep.worker.session-timeout-ms=6000")) {
            long t0 = System.nanoTime();
            worker.awaitAssigned(90);
            System.out.printf("worker process joined in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            var created = api().post("/sweeps", token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            id = UUID.fromString(created.body().path("sweep_id").asString());
            UUID sweep = id;
            Awaitility.await("1,000 results stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> count(sweep) >= 1000);
            worker.kill();
            long atKill = count(id);
            assertThat(atKill).as("results stored when the worker was killed; worker log:\n" + worker.tail())
                    .isGreaterThan(0).isLessThan(18_900);
            JsonNode mid = api().get("/sweeps/" + id, token).body();
            assertThat(mid.path("status").asString()).isEqualTo("running");
            System.out.printf("worker pid %d killed with %d of 18900 results stored%n", worker.pid(), atKill);
        } finally {
            localWorker.start();
        }
        // units that already have results, published again: computed again, stored and counted once
        List<Long> done = jdbc.sql("select distinct unit from sweep_results where sweep_id = ? order by unit limit 40")
                .param(id).query(Long.class).list();
        kafka.send("sweep.work", id + ":dup", json.writeValueAsString(new WorkChunk(id, done))).get();

        long t1 = System.nanoTime();
        JsonNode sweep = awaitStatus(id.toString(), token, "completed", Duration.ofSeconds(120));
        System.out.printf("sweep completed %.1f s after the kill%n", (System.nanoTime() - t1) / 1e9);
        assertThat(sweep.path("progress").path("done").asLong()).isEqualTo(18_900);
        assertThat(count(id)).isEqualTo(18_900);
        assertThat(jdbc.sql("select count(distinct combo_id) from sweep_results where sweep_id = ?").param(id).query(Long.class).single())
                .isEqualTo(18_900);
        assertThat(jdbc.sql("select done_combinations from sweeps where id = ?").param(id).query(Long.class).single()).isEqualTo(18_900);
        assertThat(jdbc.sql("select count(*) from sweep_results where sweep_id = ? and deflated_sharpe is null and moments_skewness is not null")
                .param(id).query(Long.class).single()).isZero();
        JsonNode lb = api().get("/sweeps/" + id + "/leaderboard?size=1", token).body();
        assertThat(lb.path("passed_gates").asLong() + lb.path("failed_gates").asLong()).isEqualTo(18_900);
        assertThat(lb.path("total_combinations").asLong()).isEqualTo(18_900);
    }

    private long count(UUID id) {
        return jdbc.sql("select count(*) from sweep_results where sweep_id = ?").param(id).query(Long.class).single();
    }
}
