package com.sigmatiq.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The services of local mode with {@code --processes}: each in its own JVM ({@code java -cp <its class path>
 * <main class> --key=value ...}) with the same properties local mode gives it in-process; PostgreSQL and Kafka stay
 * in the launcher. Each child's output is appended to {@code <logs>/<module>.log}. A child that dies without being
 * stopped is logged as an error and recorded in {@link #deaths()}; nothing restarts it by itself ({@link #restart}
 * does, for tests and for an operator's tools).
 *
 * <p>The children's JVM options come from the environment variable {@value #JAVA_OPTS_ENV} (default
 * {@value #DEFAULT_JAVA_OPTS}).
 */
final class ServiceProcesses implements AutoCloseable {

    static final String JAVA_OPTS_ENV = "SIGMATIQ_SERVICE_JAVA_OPTS";
    static final String DEFAULT_JAVA_OPTS = "-Xmx768m -XX:+UseSerialGC";
    /** How long a child has to open its port. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /** How long a child has to exit after SIGTERM before it gets SIGKILL. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ServiceProcesses.class);

    /** A child that exited while nobody stopped it. */
    public record Death(String module, long pid, int exitCode, Instant at) {
    }

    /** How to start one service: its class path and properties, fixed for every restart. */
    private record Launch(LocalService service, List<Path> classpath, Map<String, String> properties) {
    }

    private final Map<String, Launch> launches = new LinkedHashMap<>();
    private final Map<String, Process> children = new java.util.concurrent.ConcurrentHashMap<>();
    /** Processes being stopped or killed on purpose: their exit is not a death. */
    private final java.util.Set<Long> expectedExits = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Death> deaths = new CopyOnWriteArrayList<>();
    private final Path logs;
    private final List<String> javaOptions;
    private volatile boolean closed;

    private ServiceProcesses(Path logs, List<String> javaOptions) {
        this.logs = logs;
        this.javaOptions = javaOptions;
    }

    /**
     * Starts every built service of {@code services} in its own JVM, in parallel, and waits until each opens its
     * port; on a failure stops what started and throws.
     *
     * @param properties the properties of one service (as {@link LocalMode#propertiesFor})
     * @param logs       the folder the children's logs go to (created)
     */
    static ServiceProcesses start(List<LocalService> services, ServiceClasspath classpath,
                                  Function<LocalService, Map<String, String>> properties, Path logs) {
        String options = Optional.ofNullable(System.getenv(JAVA_OPTS_ENV)).filter(s -> !s.isBlank())
                .orElse(DEFAULT_JAVA_OPTS);
        ServiceProcesses processes = new ServiceProcesses(logs,
                Arrays.stream(options.trim().split("\\s+")).toList());
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        for (LocalService service : services) {
            Optional<List<Path>> entries = classpath.resolve(service);
            if (entries.isEmpty()) {
                log.warn("{} is not built or has no code yet ({}/target/classes or {}/{} missing): skipped",
                        service.module(), service.module(), service.module(), ServiceClasspath.CLASSPATH_FILE);
                continue;
            }
            Map<String, String> p = new LinkedHashMap<>(properties.apply(service));
            p.put("spring.main.register-shutdown-hook", "true"); // its own JVM: SIGTERM closes the context
            processes.launches.put(service.module(), new Launch(service, entries.get(), p));
        }
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(1, processes.launches.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String module : processes.launches.keySet()) {
                futures.add(starters.submit(() -> processes.startChild(module)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                processes.close();
                throw new IllegalStateException(String.join("; ", failures));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.close();
            throw new IllegalStateException("interrupted while starting services", e);
        } finally {
            starters.shutdown();
        }
        return processes;
    }

    /** The modules running (or started and since dead), in start order. */
    public List<String> modules() {
        return List.copyOf(launches.keySet());
    }

    /** The service behind {@code module}. */
    public LocalService service(String module) {
        return launch(module).service();
    }

    /** The child's process id, if it runs. */
    public Optional<Long> pid(String module) {
        Process p = children.get(module);
        return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
    }

    /** The log file of {@code module}'s children (each restart appends). */
    public Path logFile(String module) {
        return logs.resolve(module + ".log");
    }

    /** The children that exited while nobody stopped them, in order. */
    public List<Death> deaths() {
        return List.copyOf(deaths);
    }

    /** Kills {@code module}'s JVM with SIGKILL (as {@code kill -9}) and waits until it is gone; a no-op if not running. */
    public void kill(String module) {
        Process p = children.get(module);
        if (p == null || !p.isAlive()) {
            return;
        }
        expectedExits.add(p.pid());
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no clean close
        waitFor(p, STOP_TIMEOUT);
        log.info("{} (pid {}) killed", module, p.pid());
    }

    /** Kills {@code module}'s JVM if it still runs, then starts it again and waits until its port is open. */
    public void restart(String module) {
        launch(module);
        kill(module);
        startChild(module);
    }

    private Launch launch(String module) {
        Launch launch = launches.get(module);
        if (launch == null) {
            throw new IllegalArgumentException("no service " + module + "; running: " + launches.keySet());
        }
        return launch;
    }

    private void startChild(String module) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        Launch launch = launch(module);
        LocalService service = launch.service();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-Dsigmatiq.local.service=" + module); // names the process in ps
        command.add(service.mainClass());
        launch.properties().forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(module).toFile()));
        // the class path in the environment: long, and kept out of the command line that ps shows
        builder.environment().put("CLASSPATH", String.join(File.pathSeparator,
                launch.classpath().stream().map(Path::toString).toList()));
        long t0 = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
        children.put(module, process);
        process.onExit().thenAccept(exited -> {
            if (!expectedExits.remove(exited.pid()) && !closed) {
                Death death = new Death(module, exited.pid(), exited.exitValue(), Instant.now());
                deaths.add(death);
                log.error("{} (pid {}) died with exit code {}; its log: {}", module, exited.pid(), exited.exitValue(),
                        logFile(module));
            }
        });
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!portOpen(service.port())) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with code " + process.exitValue()
                        + " while starting; its log: " + logFile(module) + ", ending:\n" + tail(module, 20));
            }
            if (System.nanoTime() > deadline) {
                expectedExits.add(process.pid());
                process.destroyForcibly();
                throw new IllegalStateException(module + " did not open port " + service.port() + " within "
                        + START_TIMEOUT.toSeconds() + " s; its log: " + logFile(module));
            }
            try {
                Thread.sleep(100); // polling a port that a child opens; there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + module + " started", e);
            }
        }
        log.info("{} up on {} (pid {}) in {} s", module, service.baseUrl(), process.pid(),
                String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
    }

    /** The last {@code lines} lines of {@code module}'s log (empty if there is none). */
    String tail(String module, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(module));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(Process p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("pid {} did not exit within {} s", p.pid(), timeout.toSeconds());
        }
    }

    /** Stops every child in reverse start order: SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}. Never throws. */
    @Override
    public void close() {
        closed = true;
        List<String> modules = new ArrayList<>(launches.keySet());
        for (int i = modules.size() - 1; i >= 0; i--) {
            Process p = children.get(modules.get(i));
            if (p != null && p.isAlive()) {
                expectedExits.add(p.pid());
                p.destroy();
            }
        }
        for (int i = modules.size() - 1; i >= 0; i--) {
            Process p = children.get(modules.get(i));
            if (p == null) {
                continue;
            }
            waitFor(p, STOP_TIMEOUT);
            if (p.isAlive()) {
                p.destroyForcibly();
                waitFor(p, STOP_TIMEOUT);
            }
        }
    }
}
