package com.sigmatiq.sweep.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * sweep-service started as a separate JVM with profile {@code worker} (worker only: no coordinator), on the test's
 * database and broker, so a test can kill it with SIGKILL ({@link Process#destroyForcibly()}) like {@code kill -9}.
 */
public final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Path log;

    public WorkerProcess(String jdbcUrl, String user, String password, String kafka, String jwks, String... extra) {
        this(List.of(), List.of(), jdbcUrl, user, password, kafka, jwks, extra);
    }

    /**
     * @param launcher   words before {@code java} (e.g. {@code taskset -c 1} to pin the JVM to one CPU)
     * @param jvmOptions more JVM options (e.g. {@code -XX:ActiveProcessorCount=1})
     */
    public WorkerProcess(List<String> launcher, List<String> jvmOptions, String jdbcUrl, String user, String password,
                         String kafka, String jwks, String... extra) {
        try {
            log = Files.createTempFile("sweep-worker-", ".log");
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = new ArrayList<>(launcher);
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-cp", cp,
                    "com.sigmatiq.sweep.SweepServiceApplication",
                    "--spring.profiles.active=worker", "--server.port=0",
                    "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password, "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks,
                    "--logging.level.org.springframework.kafka.listener=INFO"));
            cmd.addAll(List.of(extra));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
                        if (line.contains("sweep-workers: partitions assigned: [sweep.work")) {
                            assigned.countDown();
                        }
                    }
                } catch (IOException e) {
                    // the process died
                }
            }, "worker-process-output");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the worker's consumer has partitions of {@code sweep.work}. */
    public void awaitAssigned(long seconds) throws InterruptedException {
        if (!assigned.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the worker process did not join sweep-workers in " + seconds + " s; log: " + log
                    + "\n" + tail());
        }
    }

    /** SIGKILL: no shutdown hook, no offset commit, no leaving the group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (graceful: the consumer leaves its group at once); SIGKILL if it is still alive after 20 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public long pid() {
        return process.pid();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
