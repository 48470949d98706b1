package com.sigmatiq.sweep.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.sweep.domain.SweepTimings;
import com.sigmatiq.sweep.support.WorkerProcess;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The measurement, through the service: the seed's custom sweep (18,900 combinations) over the bundled SPY
 * 1-minute March 2011 bars, from {@code POST /sweeps} to a complete leaderboard with every result stored; with this
 * instance alone (its worker: one thread per core) and with a second worker JVM. Run on demand:
 * {@code ./mvnw -q -B -o -pl sweep-service test -Dtest=SeedCustomSweepBenchmarkTest -Dsweep.benchmark=true};
 * figures go to stdout and {@code target/sweep-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "sweep.benchmark", matches = "true")
class SeedCustomSweepBenchmarkTest extends IntegrationTestBase {

    @Autowired
    SweepTimings timings;

    @Test
    void seedCustomSweep() throws Exception {
        String token = newUserWithModel();
        report("warm-up (seed simple sweep, 45)", run(token, SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"), 45));
        report("one instance, run 1", run(token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"), 18_900));
        report("one instance, run 2", run(token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"), 18_900));
        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        try (WorkerProcess second = new WorkerProcess(infra.jdbcUrl("sweep"), infra.username(), infra.password(),
                infra.kafkaBootstrapServers(), JWKS.jwkSetUri(), "--sigmatiq.sweep.worker.concurrency=2")) {
            second.awaitAssigned(90);
            Thread.sleep(3000); // let the group settle
            report("two workers (this instance + worker JVM), run 1",
                    run(token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"), 18_900));
            report("two workers (this instance + worker JVM), run 2",
                    run(token, SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"), 18_900));
            report("second worker JVM peak RSS MB", Map.of("rss_mb", rssMb(second.pid())));
        }
    }

    private Map<String, Object> run(String token, Map<String, Object> request, long combos) {
        Map<String, Double> before = timings.snapshotMillis();
        long t0 = System.nanoTime();
        var created = api().post("/sweeps", token, request);
        long tPost = System.nanoTime();
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("sweep_id").asString();
        JsonNode done = api().await("/sweeps/" + id, token, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(5));
        JsonNode lb = api().get("/sweeps/" + id + "/leaderboard?size=50", token).body();
        long tEnd = System.nanoTime();
        assertThat(lb.path("passed_gates").asLong() + lb.path("failed_gates").asLong()).isEqualTo(combos);
        assertThat(jdbc.sql("select count(*) from sweep_results where sweep_id = ?").param(UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(combos);
        Map<String, Double> after = timings.snapshotMillis();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("total_s", (tEnd - t0) / 1e9);
        m.put("post_s", (tPost - t0) / 1e9);
        m.put("rate_per_s", done.path("progress").path("rate_per_second").asDouble());
        after.forEach((k, v) -> m.put(k, Math.round((v - before.get(k)) * 10) / 10.0));
        System.gc();
        m.put("heap_used_after_gc_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        m.put("test_jvm_peak_rss_mb", rssMb(ProcessHandle.current().pid()));
        return m;
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static void report(String label, Map<String, ?> figures) throws IOException {
        String line = label + ": " + figures + "\n";
        System.out.print("BENCHMARK " + line);
        Files.writeString(Path.of("target/sweep-benchmark.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
