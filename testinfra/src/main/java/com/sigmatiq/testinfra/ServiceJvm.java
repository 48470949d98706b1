package com.sigmatiq.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Boot service started in a separate JVM on the test's class path, database and broker, so that a test can
 * kill it with SIGKILL ({@link #kill()}, like {@code kill -9}): no shutdown hook runs, no offset is committed, the
 * consumer does not leave its group. Its output goes to a log file; {@link #awaitLine} waits for a line in it.
 */
public final class ServiceJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String readyLine;
    private final CountDownLatch ready = new CountDownLatch(1);

    /**
     * @param mainClass the application's main class
     * @param readyLine text of the log line that says it is ready (e.g. its consumer got partitions)
     * @param args      the application's arguments ({@code --spring.datasource.url=…}, …)
     */
    public ServiceJvm(String mainClass, String readyLine, List<String> args) {
        this.readyLine = readyLine;
        try {
            log = Files.createTempFile("service-jvm-", ".log");
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-cp", cp, mainClass));
            cmd.addAll(args);
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread reader = new Thread(this::pump, "service-jvm-output");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments that point a service at the test's infrastructure and JWKS, on a free port. */
    public static List<String> infrastructureArgs(SigmatiqInfrastructure.Endpoints infra, String schema, String jwks) {
        return List.of("--server.port=0", "--spring.datasource.url=" + infra.jdbcUrl(schema),
                "--spring.datasource.username=" + infra.username(), "--spring.datasource.password=" + infra.password(),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks);
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                if (line.contains(readyLine)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process died
        }
    }

    /** Waits until the ready line was printed. */
    public void awaitReady(long seconds) throws InterruptedException {
        if (!ready.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("no '" + readyLine + "' within " + seconds + " s; log " + log + ":\n" + tail());
        }
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The last 40 lines of its output. */
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
