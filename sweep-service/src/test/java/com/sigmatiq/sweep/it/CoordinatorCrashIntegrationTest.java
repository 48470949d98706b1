package com.sigmatiq.sweep.it;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.sweep.support.ServiceProcess;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * kill -9 of the coordinator in the middle of a sweep. This context's own worker and result consumer are stopped,
 * so sweep-service runs alone in a separate JVM in the deployment's default shape (coordinator and worker, as the
 * compose service {@code sweep-service}): the seed's custom sweep (18,900 combinations) is posted to it, and once at
 * least 1,000 results are stored it is killed with SIGKILL (no shutdown, a result transaction possibly cut off, no
 * offset commit). A second sweep-service JVM is then started on the same database and broker: its start-up resumes
 * the sweep from what is stored (the log says "Resumed (coordinator restart)"), and the sweep must finish with
 * exactly 18,900 results, each combination once, the done counter 18,900, every deflated Sharpe filled, passed +
 * failed = 18,900, and exactly one {@code sweep.completed} for it on {@code sweep.events}, whose event id is the one
 * derived from the sweep id (checked for every such record, then that there is one). The results delivered on
 * {@code sweep.results} for the sweep are counted too: more than 18,900, so duplicates did reach the restarted
 * coordinator and were neither stored nor counted twice.
 */
class CoordinatorCrashIntegrationTest extends IntegrationTestBase {

    private static final long TOTAL = 18_900;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aCoordinatorKilledMidSweepResumesFromTheDatabaseAndFinishesExactlyOnce() throws Exception {
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        List<MessageListenerContainer> local = List.of(listeners.getListenerContainer("sweep-worker"),
                listeners.getListenerContainer("sweep-results"));
        local.forEach(MessageListenerContainer::stop);
        String[] args = {"--sigmatiq.sweep.chunk-units=20", "--sigmatiq.sweep.worker.concurrency=1",
            "--sigmatiq.sweep.worker.session-timeout-ms=6000",
            // the result consumer of a killed coordinator gives its partitions up after 6 s (Kafka's default: 45 s)
            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000"};
        String token = newUserWithModel();
        UUID id;
        long t0 = System.nanoTime();
        try {
            try (ServiceProcess first = start("coordinator-1", infra, args)) {
                System.out.printf("first sweep-service JVM (pid %d) ready in %.1f s%n", first.pid(), secondsSince(t0));
                long tPost = System.nanoTime();
                var created = first.api().post("/sweeps", token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"));
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
                assertThat(created.body().path("total_combinations").asLong()).isEqualTo(TOTAL);
                id = UUID.fromString(created.body().path("sweep_id").asString());
                UUID sweep = id;
                await(() -> count(sweep) >= 1_000, Duration.ofSeconds(60), "1,000 results stored", first);
                first.kill();
                long atKill = count(id);
                System.out.printf("first JVM killed %.1f s after the POST with %d of %d results stored%n",
                        secondsSince(tPost), atKill, TOTAL);
                assertThat(atKill).as("results stored when the coordinator was killed; its log:\n" + first.tail())
                        .isBetween(1_000L, TOTAL - 1);
                assertThat(status(id)).isEqualTo("running");
                // the counter and the rows are written in one transaction: equal whatever the kill interrupted
                assertThat(doneCounter(id)).isEqualTo(atKill);
            }

            long tRestart = System.nanoTime();
            try (ServiceProcess second = start("coordinator-2", infra, args)) {
                System.out.printf("second sweep-service JVM (pid %d) ready in %.1f s%n", second.pid(), secondsSince(tRestart));
                UUID sweep = id;
                await(() -> "completed".equals(status(sweep)), Duration.ofSeconds(90), "the sweep completed", second);
                System.out.printf("sweep completed %.1f s after the restart began (%.1f s in all)%n", secondsSince(tRestart),
                        secondsSince(t0));
                assertThat(second.logged("sweep " + id + " resumed (coordinator restart)")).as(second.tail()).isTrue();
                // the outbox marks the completion event's publication completed once the broker acknowledged it: after
                // that nothing resends it
                await(() -> jdbc.sql("select count(*) from event_publication where completion_date is not null "
                        + "and serialized_event like ?").param("%\"subject_id\":\"" + sweep + "\"%").query(Long.class).single() == 1,
                        Duration.ofSeconds(30), "sweep.completed published", second);
            }
        } finally {
            local.forEach(MessageListenerContainer::start);
        }

        assertThat(count(id)).isEqualTo(TOTAL);
        assertThat(jdbc.sql("select count(distinct combo_id) from sweep_results where sweep_id = ?").param(id).query(Long.class).single())
                .isEqualTo(TOTAL);
        assertThat(doneCounter(id)).isEqualTo(TOTAL);
        assertThat(jdbc.sql("select count(*) from sweep_results where sweep_id = ? and deflated_sharpe is null and moments_skewness is not null")
                .param(id).query(Long.class).single()).isZero();
        JsonNode sweep = api().get("/sweeps/" + id, token).body();
        assertThat(sweep.path("status").asString()).isEqualTo("completed");
        assertThat(sweep.path("progress").path("done").asLong()).isEqualTo(TOTAL);
        List<String> log = new ArrayList<>();
        sweep.path("execution_log").forEach(e -> log.add(e.path("message").asString()));
        assertThat(log).anyMatch(m -> m.startsWith("Resumed (coordinator restart)"));
        log.stream().filter(m -> m.startsWith("Resumed")).forEach(m -> System.out.println("execution log: " + m));
        assertThat(log).filteredOn(m -> m.startsWith("Backtests complete")).hasSize(1);
        JsonNode lb = api().get("/sweeps/" + id + "/leaderboard?size=1", token).body();
        assertThat(lb.path("total_combinations").asLong()).isEqualTo(TOTAL);
        assertThat(lb.path("passed_gates").asLong() + lb.path("failed_gates").asLong()).isEqualTo(TOTAL);

        // the restart published the units without results again while their first chunks were still pending in
        // sweep.work (and results still unconsumed in sweep.results): more results were delivered than stored
        long delivered = records("sweep.results", id, "sweep_id").stream().mapToLong(b -> b.path("results").size()).sum();
        System.out.printf("results delivered on sweep.results for the sweep: %d (stored %d)%n", delivered, TOTAL);
        assertThat(delivered).as("results delivered, duplicates included").isGreaterThan(TOTAL);

        List<JsonNode> events = records("sweep.events", id, "subject_id");
        UUID expected = UUID.nameUUIDFromBytes(("sweep.completed:" + id).getBytes(StandardCharsets.UTF_8));
        assertThat(events).as("every sweep.completed of the sweep carries the id derived from the sweep id")
                .allSatisfy(e -> assertThat(e.path("event_id").asString()).isEqualTo(expected.toString()));
        assertThat(events).as("sweep.completed events of the sweep").hasSize(1);
        JsonNode payload = events.get(0).path("payload");
        assertThat(events.get(0).path("type").asString()).isEqualTo("sweep.completed");
        assertThat(payload.path("total_combinations").asLong()).isEqualTo(TOTAL);
        assertThat(payload.path("passed_gates").asLong() + payload.path("failed_gates").asLong()).isEqualTo(TOTAL);
    }

    private ServiceProcess start(String name, SigmatiqInfrastructure.Endpoints infra, String... args) throws InterruptedException {
        ServiceProcess p = new ServiceProcess(name, infra.jdbcUrl("sweep"), infra.username(), infra.password(),
                infra.kafkaBootstrapServers(), JWKS.jwkSetUri(), UPSTREAMS.url(), args);
        try {
            p.awaitLine("Started SweepServiceApplication", 90);
            p.awaitLine(ServiceProcess.COORDINATOR_ASSIGNED, 60);
            p.awaitLine(ServiceProcess.WORKER_ASSIGNED, 60);
            return p;
        } catch (AssertionError e) {
            p.kill();
            throw e;
        }
    }

    /** Every record of {@code topic} whose {@code field} is this sweep's id, read from the beginning to the current end. */
    private List<JsonNode> records(String topic, UUID id, String field) {
        Properties p = new Properties();
        p.put("bootstrap.servers", SigmatiqInfrastructure.start().kafkaBootstrapServers());
        p.put("enable.auto.commit", "false");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(10));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as(topic + " read to its end within 20 s").isLessThan(until);
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    JsonNode e = json.readTree(r.value());
                    if (id.toString().equals(e.path(field).asString())) {
                        found.add(e);
                    }
                }
            }
        }
        return found;
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what, ServiceProcess p) {
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "; sweep-service log:\n" + p.tail(), e);
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private long count(UUID id) {
        return jdbc.sql("select count(*) from sweep_results where sweep_id = ?").param(id).query(Long.class).single();
    }

    private long doneCounter(UUID id) {
        return jdbc.sql("select done_combinations from sweeps where id = ?").param(id).query(Long.class).single();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from sweeps where id = ?").param(id).query(String.class).single();
    }
}
