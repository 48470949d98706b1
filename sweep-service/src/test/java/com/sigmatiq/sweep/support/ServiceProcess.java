package com.sigmatiq.sweep.support;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.Awaitility;
import com.sigmatiq.testinfra.TestApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * sweep-service started as a separate JVM in the deployment's default shape (coordinator and worker, no profile) on
 * the test's database, broker, JWKS and upstream stand-ins, on a free HTTP port, so a test can call its API and kill
 * it with SIGKILL ({@link Process#destroyForcibly()}) like {@code kill -9}. Its output goes to a temporary log file;
 * {@link #awaitLine} waits (with a deadline) for a line containing a text.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Logged once the results consumer (listener and group {@code sweep-results}) has partitions: the coordinator is consuming. */
    public static final String COORDINATOR_ASSIGNED = "sweep-results: partitions assigned: [sweep.results";
    /** Logged once the worker consumer has partitions of {@code sweep.work}. */
    public static final String WORKER_ASSIGNED = "sweep-workers: partitions assigned: [sweep.work";

    private final Process process;
    private final Path log;
    private final int port;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public ServiceProcess(String name, String jdbcUrl, String user, String password, String kafka, String jwks, String upstreams,
                          String... extra) {
        try {
            port = freePort();
            log = Files.createTempFile("sweep-" + name + "-", ".log");
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp,
                    "com.sigmatiq.sweep.SweepServiceApplication", "--server.port=" + port,
                    "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password, "--spring.kafka.bootstrap-servers=" + kafka,
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwks,
                    "--sigmatiq.services.model-service=" + upstreams, "--sigmatiq.services.pack-service=" + upstreams,
                    "--sigmatiq.services.market-data-service=" + upstreams,
                    "--logging.level.org.springframework.kafka.listener=INFO"));
            cmd.addAll(List.of(extra));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    }
                } catch (IOException e) {
                    // the process died
                }
            }, "sweep-" + name + "-output");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public TestApi api() {
        return new TestApi(port);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until a logged line contains {@code text}; fails with the log's tail if the deadline passes or the JVM dies. */
    public void awaitLine(String text, long seconds) {
        try {
            Awaitility.await("a line with '" + text + "'").atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (lines.stream().anyMatch(l -> l.contains(text))) {
                            return true;
                        }
                        if (!process.isAlive()) {
                            throw new AssertionError("the process exited (" + process.exitValue() + ") before logging '"
                                    + text + "'; log: " + log + "\n" + tail());
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no line with '" + text + "' in " + seconds + " s; log: " + log + "\n" + tail(), e);
        }
    }

    /** Whether a logged line contains {@code text}. */
    public boolean logged(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** SIGKILL: no shutdown hook, no transaction finished, no offset commit, no leaving the consumer groups. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("process " + process.pid() + " still alive 10 s after SIGKILL");
        }
    }

    public String tail() {
        List<String> l = List.copyOf(lines);
        return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
    }

    /** SIGTERM (graceful: the consumers leave their groups at once), SIGKILL if it is still alive after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
