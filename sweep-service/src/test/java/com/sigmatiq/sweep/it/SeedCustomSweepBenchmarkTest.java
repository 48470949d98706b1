package com.sigmatiq.sweep.it;

import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.sweep.domain.SweepTimings;
import com.sigmatiq.sweep.messaging.SweepTopics;
import com.sigmatiq.sweep.support.WorkerProcess;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The issue's measurement, through the service: the seed's custom sweep (18,900 combinations) over the bundled SPY
 * 1-minute March 2011 bars, from {@code POST /sweeps} to a complete leaderboard with every result stored.
 * <ol>
 *   <li>One instance: this context, coordinator and worker (two worker threads), as deployed by default.</li>
 *   <li>Coordinator and workers apart, each worker as if it were a one-core machine: this context's worker is
 *   stopped (it only coordinates: POST, storing, finishing); worker-only JVMs (profile {@code worker}) run with
 *   {@code -XX:ActiveProcessorCount=1}, one worker thread, and pinned to one CPU each with {@code taskset} when there
 *   is one. Both start together and compute {@value #WARM_UP_SWEEPS} sweeps to warm up; then two workers are
 *   measured, then one (the second stopped gracefully; the remaining one is, if anything, warmer).</li>
 * </ol>
 * On a 2-core machine the coordinator, the broker and PostgreSQL share the cores with the pinned workers, so this
 * emulates one-core workers, not separate machines. With {@code -Dsweep.benchmark.worker-cpu-quota=0.4} each worker
 * JVM runs instead in a cgroup capped at 0.4 of a core (as root), a small machine of its own that leaves the rest of
 * this one to the coordinator, the broker and PostgreSQL. Run on demand:
 * {@code ./mvnw -q -B -pl sweep-service -am test -Dtest=SeedCustomSweepBenchmarkTest -Dsweep.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures go to stdout and {@code target/sweep-benchmark.txt}. Every run
 * checks that all 18,900 results are stored; no speed is asserted.
 */
@EnabledIfSystemProperty(named = "sweep.benchmark", matches = "true")
class SeedCustomSweepBenchmarkTest extends IntegrationTestBase {

    private static final long COMBOS = 18_900;
    /** Sweeps the two worker JVMs compute together before they are measured (their JIT compilers share their core). */
    private static final int WARM_UP_SWEEPS = 4;
    /** The cgroups made for capped workers, removed when the workers are gone. */
    private static final List<Path> CGROUPS = new ArrayList<>();

    /** Work units per work message: the service's default unless {@code -Dsweep.benchmark.chunk-units} says otherwise. */
    @DynamicPropertySource
    static void chunkUnits(DynamicPropertyRegistry r) {
        r.add("sigmatiq.sweep.chunk-units", () -> System.getProperty("sweep.benchmark.chunk-units", "50"));
    }

    @Autowired
    SweepTimings timings;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void seedCustomSweep() throws Exception {
        String token = newUserWithModel();
        report("warm-up (seed simple sweep, 45)", run(token, SeedRequests.simple("spy_swing_momentum_v1", "2011-03-01", "2011-03-31"), 45, List.of()));
        report("one instance, run 1", run(token, custom(), COMBOS, List.of()));
        report("one instance, run 2", run(token, custom(), COMBOS, List.of()));
        report("one instance, run 3", run(token, custom(), COMBOS, List.of()));

        SigmatiqInfrastructure.Endpoints infra = SigmatiqInfrastructure.start();
        MessageListenerContainer localWorker = listeners.getListenerContainer("sweep-worker");
        localWorker.stop();
        boolean taskset = Files.isExecutable(Path.of("/usr/bin/taskset")) && Runtime.getRuntime().availableProcessors() >= 2;
        String quota = System.getProperty("sweep.benchmark.worker-cpu-quota");
        String kind = quota == null ? "one-core" : quota + "-core";
        report("coordinator only here; " + kind + " worker JVMs", Map.of("taskset", quota == null && taskset,
                "cgroup_cpu_quota", quota == null ? "none" : quota, "cpus", Runtime.getRuntime().availableProcessors()));
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", infra.kafkaBootstrapServers()));
             WorkerProcess a = oneCoreWorker(infra, taskset, quota, 0)) {
            try (WorkerProcess b = oneCoreWorker(infra, taskset, quota, 1)) {
                a.awaitAssigned(120);
                b.awaitAssigned(120);
                awaitWorkers(admin, 2);
                for (int i = 1; i <= WARM_UP_SWEEPS; i++) {
                    report("two workers, warm-up " + i, run(token, custom(), COMBOS, List.of(a, b)));
                }
                for (int i = 1; i <= 2; i++) {
                    two.add(measured("two " + kind + " workers, " + i, run(token, custom(), COMBOS, List.of(a, b))));
                }
                report("worker JVM peak RSS MB", Map.of("a", rssMb(a.pid()), "b", rssMb(b.pid())));
                b.stop();
            }
            awaitWorkers(admin, 1);
            for (int i = 1; i <= 2; i++) {
                one.add(measured("one " + kind + " worker, " + i, run(token, custom(), COMBOS, List.of(a))));
            }
        } finally {
            localWorker.start();
            for (Path group : CGROUPS) {
                Files.deleteIfExists(group); // rmdir: the group is empty once its worker JVM has exited
            }
        }
        double meanOne = one.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanTwo = two.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        report(kind + " workers, summary", Map.of("one_worker_s", one, "two_workers_s", two,
                "ratio_one_over_two", Math.round(meanOne / meanTwo * 100) / 100.0));
    }

    private static double measured(String label, Map<String, Object> figures) throws IOException {
        report(label, figures);
        return (Double) figures.get("total_s");
    }

    private static Map<String, Object> custom() {
        return SeedRequests.custom("spy_swing_momentum_v1", "2011-03-01", "2011-03-31");
    }

    private static WorkerProcess oneCoreWorker(SigmatiqInfrastructure.Endpoints infra, boolean taskset, String quota, int cpu)
            throws IOException {
        List<String> launcher = quota != null ? cpuQuota("sigmatiq-bench-worker-" + cpu, Double.parseDouble(quota))
                : taskset ? List.of("taskset", "-c", String.valueOf(cpu)) : List.of();
        return new WorkerProcess(launcher,
                List.of("-XX:ActiveProcessorCount=1"), infra.jdbcUrl("sweep"), infra.username(), infra.password(),
                infra.kafkaBootstrapServers(), JWKS.jwkSetUri(), "--sigmatiq.sweep.worker.concurrency=1");
    }

    /**
     * Words that start a command in a cgroup whose CPU time is capped at {@code cores} of a core (CFS quota over a
     * 100 ms period): a worker as a small machine of its own, while the coordinator, the broker and PostgreSQL keep
     * the rest of this machine. cgroup v1's cpu controller, else v2's {@code cpu.max}; needs root.
     */
    private static List<String> cpuQuota(String name, double cores) throws IOException {
        long period = 100_000;
        long quota = Math.round(cores * period);
        Path v1 = Path.of("/sys/fs/cgroup/cpu");
        Path dir;
        if (Files.isWritable(v1.resolve("cgroup.procs"))) {
            dir = Files.createDirectories(v1.resolve(name));
            Files.writeString(dir.resolve("cpu.cfs_period_us"), String.valueOf(period));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
        } else if (Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
            dir = Files.createDirectories(Path.of("/sys/fs/cgroup", name));
            Files.writeString(dir.resolve("cpu.max"), quota + " " + period);
        } else {
            throw new IllegalStateException("sweep.benchmark.worker-cpu-quota needs a writable cgroup cpu controller (root)");
        }
        CGROUPS.add(dir);
        // the shell joins the group, then becomes the JVM (same pid), so every JVM thread is in the group
        return List.of("sh", "-c", "echo $$ > " + dir.resolve("cgroup.procs") + " && exec \"$@\"", "sh");
    }

    /** Waits until the worker group is stable with {@code members} members holding every partition of the work topic. */
    private static void awaitWorkers(Admin admin, int members) throws InterruptedException, ExecutionException {
        int partitions = admin.describeTopics(List.of(SweepTopics.WORK)).allTopicNames().get().get(SweepTopics.WORK).partitions().size();
        Awaitility.await("the worker group settles with " + members + " members").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> admin.describeConsumerGroups(List.of(SweepTopics.WORKER_GROUP)).all().get().get(SweepTopics.WORKER_GROUP),
                        d -> d.groupState() == GroupState.STABLE && d.members().size() == members
                                && d.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum() == partitions);
    }

    private Map<String, Object> run(String token, Map<String, Object> request, long combos, List<WorkerProcess> workers) {
        Map<String, Double> before = timings.snapshotMillis();
        Map<String, Double> cpuBefore = cpuSeconds(workers);
        Map<String, Double> threadsBefore = threadCpuByName();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        var created = api().post("/sweeps", token, request);
        long tPost = System.nanoTime();
        Map<String, Double> cpuPosted = cpuSeconds(workers);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("sweep_id").asString();
        JsonNode done = api().await("/sweeps/" + id, token, b -> "completed".equals(b.path("status").asString()), Duration.ofMinutes(5));
        long tDone = System.nanoTime();
        Map<String, Double> cpuDone = cpuSeconds(workers);
        JsonNode lb = api().get("/sweeps/" + id + "/leaderboard?size=50", token).body();
        long tEnd = System.nanoTime();
        assertThat(lb.path("passed_gates").asLong() + lb.path("failed_gates").asLong()).isEqualTo(combos);
        assertThat(jdbc.sql("select count(*) from sweep_results where sweep_id = ?").param(UUID.fromString(id)).query(Long.class).single())
                .isEqualTo(combos);
        Instant completedAt = jdbc.sql("select completed_at from sweeps where id = ?").param(UUID.fromString(id))
                .query(Timestamp.class).single().toInstant();
        Map<String, Double> after = timings.snapshotMillis();
        Map<String, Double> cpuAfter = cpuSeconds(workers);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_s", Math.round((tEnd - t0) / 1e6) / 1e3);
        m.put("post_s", Math.round((tPost - t0) / 1e6) / 1e3);
        m.put("post_to_completed_s", Duration.between(start, completedAt).toMillis() / 1e3);
        m.put("rate_per_s", done.path("progress").path("rate_per_second").asDouble());
        after.forEach((k, v) -> m.put(k, Math.round((v - before.get(k)) * 10) / 10.0));
        cpuAfter.forEach((k, v) -> m.put("cpu_" + k + "_s", Math.round((v - cpuBefore.getOrDefault(k, 0.0)) * 100) / 100.0));
        // between the POST's answer and the poll that saw "completed": how busy the machine's cores were, by process
        double phase = (tDone - tPost) / 1e9;
        Map<String, Object> busy = new LinkedHashMap<>();
        double sum = 0;
        for (String k : List.of("test_jvm", "worker_jvm_a", "worker_jvm_b", "postgres")) {
            if (cpuDone.containsKey(k)) {
                double c = cpuDone.get(k) - cpuPosted.get(k);
                sum += c;
                busy.put(k + "_cpu_s", Math.round(c * 100) / 100.0);
            }
        }
        busy.put("of_which_test_jvm_jit_s", Math.round((cpuDone.get("test_jvm_jit_threads") - cpuPosted.get("test_jvm_jit_threads")) * 100) / 100.0);
        busy.put("wall_s", Math.round(phase * 1000) / 1000.0);
        busy.put("cores_busy_pct", Math.round(sum / (phase * Runtime.getRuntime().availableProcessors()) * 100));
        busy.put("machine_busy_pct", Math.round((cpuDone.get("machine") - cpuPosted.get("machine"))
                / (phase * Runtime.getRuntime().availableProcessors()) * 100));
        m.put("after_post", busy);
        Map<String, Double> threadsAfter = threadCpuByName();
        Map<String, Double> busiest = new LinkedHashMap<>();
        threadsAfter.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(e -> busiest.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        m.put("test_jvm_busiest_threads_s", busiest);
        System.gc();
        m.put("heap_used_after_gc_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        m.put("test_jvm_peak_rss_mb", rssMb(ProcessHandle.current().pid()));
        return m;
    }

    /**
     * CPU seconds so far: this JVM (coordinator, broker, HTTP) and, of it, the result consumers ({@code sweep-results}
     * threads), this instance's worker threads and the HTTP threads; each worker JVM; every PostgreSQL process.
     */
    private static Map<String, Double> cpuSeconds(List<WorkerProcess> workers) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_jvm", procCpu(ProcessHandle.current().pid()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> groups = new HashMap<>(Map.of("store_threads", 0.0, "local_worker_threads", 0.0, "http_threads", 0.0));
        for (long tid : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(tid);
            long ns = threads.getThreadCpuTime(tid);
            if (info == null || ns < 0) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("sweep-results") ? "store_threads" : name.startsWith("sweep-worker") ? "local_worker_threads"
                    : name.startsWith("http-nio") ? "http_threads" : null;
            if (group != null) {
                groups.merge(group, ns / 1e9, Double::sum);
            }
        }
        m.putAll(groups);
        for (int i = 0; i < workers.size(); i++) {
            m.put("worker_jvm_" + (char) ('a' + i), procCpu(workers.get(i).pid()));
        }
        double pg = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if ("postgres".equals(Files.readString(p.resolve("comm")).trim())) {
                        pg += procCpu(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }
        } catch (IOException e) {
            pg = Double.NaN;
        }
        m.put("postgres", pg);
        m.put("machine", machineBusySeconds());
        double jit = 0;
        double gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).trim();
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        jit += taskCpu(t);
                    } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                        gc += taskCpu(t);
                    }
                } catch (IOException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            jit = Double.NaN;
        }
        m.put("test_jvm_jit_threads", jit);
        m.put("test_jvm_gc_threads", gc);
        return m;
    }

    /** CPU seconds of this JVM's live threads, summed by name with digits dropped (a pool counts as one). */
    private static Map<String, Double> threadCpuByName() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> m = new HashMap<>();
        for (long tid : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(tid);
            long ns = threads.getThreadCpuTime(tid);
            if (info != null && ns >= 0) {
                m.merge(info.getThreadName().replaceAll("\\d+", "#"), ns / 1e9, Double::sum);
            }
        }
        return m;
    }

    /** Busy CPU seconds of the whole machine, every process: user, nice, system, irq, softirq of {@code /proc/stat}. */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a process from {@code /proc/<pid>/stat}, in seconds (clock ticks of 1/100 s). */
    private static double procCpu(long pid) {
        return taskCpu(Path.of("/proc/" + pid));
    }

    /** utime + stime of a process or thread ({@code /proc/<pid>} or {@code /proc/self/task/<tid>}), in seconds. */
    private static double taskCpu(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
