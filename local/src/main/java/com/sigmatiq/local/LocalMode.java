package com.sigmatiq.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Local mode: embedded PostgreSQL and Kafka, then every service of {@link LocalServices#ALL}, in one JVM.
 *
 * <p>Usage: {@code ./sigmatiq-local [--root=DIR] [--data=DIR] [--processes]}. {@code --root} is the repository root
 * (default: the working directory); {@code --data} the folder local mode keeps its data in (default
 * {@code <root>/.sigmatiq}): the PostgreSQL data in {@code postgres/}, the gateway's key-encryption secret in
 * {@code identity-secret}. {@code --processes} runs each service in its own JVM instead ({@link ServiceProcesses}),
 * logging to {@code logs/<module>.log} in the data folder.
 */
public final class LocalMode implements AutoCloseable {

    /** Demo user the gateway creates when {@value #DEMO_USER_PROPERTY} is true. */
    public static final String DEMO_USERNAME = "demo";
    public static final String DEMO_PASSWORD = "sigmatiq-demo";
    public static final String DEMO_USER_PROPERTY = "sigmatiq.identity.demo-user.enabled";
    /** Usernames whose tokens carry the {@code operator} role: local mode's demo user imports and replays bars. */
    public static final String OPERATORS_PROPERTY = "sigmatiq.identity.operators";

    /** The bundled packs, relative to the repository root. */
    static final String PACKS_FOLDER = "packs";

    private static final Logger log = LoggerFactory.getLogger(LocalMode.class);

    private final List<RunningService> running = new CopyOnWriteArrayList<>();
    private volatile DataFolderLock folderLock;
    private volatile LocalInfrastructure infrastructure;
    private volatile ServiceProcesses processes;
    private boolean closed;

    /**
     * Command-line options.
     *
     * @param dataDirectory the folder local mode keeps its data in: {@link #postgresDirectory()} and
     *                      {@link #identitySecretFile()}
     */
    record Options(Path root, Path dataDirectory, int postgresPort, int kafkaPort, boolean processes) {

        /** Services in this JVM. */
        Options(Path root, Path dataDirectory, int postgresPort, int kafkaPort) {
            this(root, dataDirectory, postgresPort, kafkaPort, false);
        }

        static Options parse(String... args) {
            Path root = Path.of("").toAbsolutePath();
            Path data = null;
            boolean processes = false;
            for (String arg : args) {
                if (arg.equals("--processes")) {
                    processes = true;
                    continue;
                }
                if (arg.startsWith("--root=")) {
                    root = Path.of(arg.substring("--root=".length())).toAbsolutePath();
                } else if (arg.startsWith("--data=")) {
                    data = Path.of(arg.substring("--data=".length())).toAbsolutePath();
                } else {
                    throw new IllegalArgumentException("unknown option " + arg + "; valid: --root=DIR, --data=DIR, --processes");
                }
            }
            return new Options(root, data != null ? data : root.resolve(".sigmatiq"),
                    LocalInfrastructure.DEFAULT_POSTGRES_PORT, LocalInfrastructure.DEFAULT_KAFKA_PORT, processes);
        }

        Path logsDirectory() {
            return dataDirectory.resolve("logs");
        }

        Path postgresDirectory() {
            return dataDirectory.resolve("postgres");
        }

        Path identitySecretFile() {
            return dataDirectory.resolve(IdentitySecret.FILE);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalMode mode = new LocalMode();
        // Registered first, so that Ctrl-C during start-up still stops PostgreSQL (a child process) and Kafka.
        Runtime.getRuntime().addShutdownHook(new Thread(mode::close, "sigmatiq-local-shutdown"));
        try {
            mode.start(options, LocalServices.ALL, ServiceClasspath.modulesUnder(options.root()));
        } catch (RuntimeException e) {
            log.error("local mode did not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.println(mode.banner(options, seconds));
        new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook stops everything
    }

    /**
     * Takes the data folder (refused while another local mode lives on it), clears what a killed earlier run left
     * behind, starts infrastructure, then the services in parallel; on any failure stops what started and rethrows.
     */
    void start(Options options, List<LocalService> services, ServiceClasspath classpath) {
        refuseOldDataLayout(options.dataDirectory());
        folderLock = DataFolderLock.acquire(options.dataDirectory());
        try {
            clearWhatAKilledRunLeft(options, folderLock);
            boolean databaseExists = Files.exists(options.postgresDirectory().resolve("PG_VERSION"));
            String identitySecret = IdentitySecret.loadOrCreate(options.identitySecretFile(), databaseExists)
                    .orElse(null);
            infrastructure = LocalInfrastructure.start(options.postgresDirectory(), options.postgresPort(),
                    options.kafkaPort());
            folderLock.recordKafkaFolder(infrastructure.kafkaFolder());
            log.info("PostgreSQL on port {} (data in {}), Kafka on {}", infrastructure.postgresPort(),
                    options.postgresDirectory(), infrastructure.kafkaBootstrapServers());
            Platform platform = new Platform(infrastructure.jdbcUrl(), infrastructure.kafkaBootstrapServers(),
                    options.root().resolve(PACKS_FOLDER), identitySecret);
            if (options.processes()) {
                processes = ServiceProcesses.start(services, classpath, s -> propertiesFor(s, services, platform),
                        options.logsDirectory());
            } else {
                startServices(services, classpath, platform);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * A run killed with {@code kill -9} (or a crash) leaves its PostgreSQL running on the data folder and its Kafka
     * broker's temporary folder on disk; its ports were freed with its process. Holding the folder's lock proves that
     * run is gone: stop its PostgreSQL (the data stays) and delete its Kafka folder (Kafka keeps nothing between runs).
     */
    private static void clearWhatAKilledRunLeft(Options options, DataFolderLock lock) {
        if (Files.isDirectory(options.postgresDirectory())) {
            OrphanedPostgres.stopIfRunning(options.postgresDirectory(), OrphanedPostgres.STOP_TIMEOUT);
        }
        lock.leftKafkaFolder().ifPresent(LocalMode::deleteLeftKafkaFolder);
    }

    /** Deletes the Kafka folder a killed run left; only a {@code kafka-*} folder in the system temporary folder. */
    static void deleteLeftKafkaFolder(Path folder) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path candidate = folder.toAbsolutePath().normalize();
        if (!temp.equals(candidate.getParent()) || !candidate.getFileName().toString().startsWith("kafka-")) {
            log.warn("not deleting {}: not a Kafka folder in {}", folder, temp);
            return;
        }
        try (Stream<Path> paths = Files.walk(candidate)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
            log.info("deleted the Kafka folder {} left by a killed run", candidate);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the Kafka folder {} left by a killed run: {}", candidate, e.getMessage());
        }
    }

    private void startServices(List<LocalService> services, ServiceClasspath classpath, Platform platform) {
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(1, services.size()));
        try {
            List<Future<Optional<RunningService>>> futures = new ArrayList<>();
            for (LocalService service : services) {
                Map<String, String> properties = propertiesFor(service, services, platform);
                futures.add(starters.submit(() -> startOne(service, classpath, properties)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<Optional<RunningService>> future : futures) {
                try {
                    future.get().ifPresent(running::add);
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                    log.error("service failed to start", e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                close();
                throw new IllegalStateException(String.join("; ", failures));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting services", e);
        } finally {
            starters.shutdown();
        }
        // Keep start order in the list, whatever order the parallel starts finished in.
        running.sort((a, b) -> Integer.compare(services.indexOf(a.service()), services.indexOf(b.service())));
    }

    /** {@code --data} used to name the PostgreSQL folder itself; now it names the folder that holds it. */
    private static void refuseOldDataLayout(Path dataDirectory) {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            throw new IllegalStateException(dataDirectory + " is a PostgreSQL data folder, but --data names the folder"
                    + " that holds local mode's data, with PostgreSQL in its subfolder postgres/: move " + dataDirectory
                    + " to <folder>/postgres and pass --data=<folder>");
        }
    }

    private static Optional<RunningService> startOne(LocalService service, ServiceClasspath classpath,
                                                     Map<String, String> properties) {
        Optional<List<Path>> entries = classpath.resolve(service);
        if (entries.isEmpty()) {
            log.warn("{} is not built or has no code yet ({}/target/classes or {}/{} missing): skipped",
                    service.module(), service.module(), service.module(), ServiceClasspath.CLASSPATH_FILE);
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        try {
            RunningService started = RunningService.start(service, entries.get(), properties);
            log.info("{} up on {} in {} s", service.module(), service.baseUrl(), seconds(System.nanoTime() - t0));
            return Optional.of(started);
        } catch (RunningService.MainClassMissing e) {
            log.warn("{}: skipped", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * What local mode tells every service besides its own port: the database (each service's URL names its own
     * schema), the broker, and the repository's bundled packs ({@code sigmatiq.packs.dir}, read by pack-service);
     * the gateway also gets its key-encryption secret.
     *
     * @param jdbcUrl        JDBC URL of the shared database, without parameters
     * @param identitySecret the gateway's {@value IdentitySecret#PROPERTY}; {@code null}: the gateway's own default
     * @param serviceSecret  the secret the services show the gateway for their own tokens (new on every start)
     */
    record Platform(String jdbcUrl, String kafkaBootstrapServers, Path packsDirectory, String identitySecret,
                    String serviceSecret) {

        Platform(String jdbcUrl, String kafkaBootstrapServers, Path packsDirectory, String identitySecret) {
            this(jdbcUrl, kafkaBootstrapServers, packsDirectory, identitySecret, newServiceSecret());
        }

        private static String newServiceSecret() {
            byte[] b = new byte[32];
            new java.security.SecureRandom().nextBytes(b);
            return java.util.HexFormat.of().formatHex(b);
        }

        @Override
        public String toString() { // never prints the secret
            return "Platform[jdbcUrl=" + jdbcUrl + ", kafkaBootstrapServers=" + kafkaBootstrapServers
                    + ", packsDirectory=" + packsDirectory
                    + ", identitySecret=" + (identitySecret == null ? "(gateway default)" : "***") + ", serviceSecret=***]";
        }

        String jdbcUrl(String schema) {
            return jdbcUrl + "?currentSchema=" + schema;
        }
    }

    /**
     * The properties local mode gives {@code service}: its port, its schema in the shared database, the broker, the
     * bundled packs, where the gateway's JWKS and service tokens are, the service secret, and every service's base URL as {@code sigmatiq.services.<module>}
     * (e.g. model-service calls pack-service there); the gateway also gets its key-encryption secret, the demo user (an
     * operator) and a route per routed service.
     */
    static Map<String, String> propertiesFor(LocalService service, List<LocalService> all, Platform platform) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", Integer.toString(service.port()));
        p.put("spring.datasource.url", platform.jdbcUrl(service.schema()));
        p.put("spring.datasource.username", LocalInfrastructure.USER);
        p.put("spring.datasource.password", LocalInfrastructure.PASSWORD);
        p.put("spring.kafka.bootstrap-servers", platform.kafkaBootstrapServers());
        p.put("spring.main.register-shutdown-hook", "false"); // local mode closes contexts itself, in order
        p.put("logging.level.org.apache.kafka", "WARN");
        p.put("sigmatiq.packs.dir", platform.packsDirectory().toString());
        p.put("sigmatiq.marketdata.bootstrap-dir", platform.packsDirectory().resolveSibling("data").resolve("market").toString());
        gateway(all).ifPresent(gateway -> {
            p.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", gateway.baseUrl() + "/.well-known/jwks.json");
            p.put("sigmatiq.identity.token-uri", gateway.baseUrl() + "/api/auth/service-token");
        });
        p.put("sigmatiq.identity.service-secret", platform.serviceSecret());
        for (LocalService other : all) {
            p.put("sigmatiq.services." + other.module(), other.baseUrl());
        }
        localBroker(all).ifPresent(broker -> {
            if (service.module().equals(LocalServices.LOCAL_BROKER)) {
                p.put("sigmatiq.local-broker.fix-port", Integer.toString(service.port()));
                p.put("sigmatiq.local-broker.fix-host", "127.0.0.1"); // this machine only
            } else if (service.module().equals("pilot-service")) {
                p.put("sigmatiq.pilot.local-broker.host", "127.0.0.1");
                p.put("sigmatiq.pilot.local-broker.port", Integer.toString(broker.port()));
            }
        });
        if (service.module().equals(LocalServices.GATEWAY)) {
            p.put(DEMO_USER_PROPERTY, "true");
            p.put(OPERATORS_PROPERTY, DEMO_USERNAME);
            if (platform.identitySecret() != null) {
                p.put(IdentitySecret.PROPERTY, platform.identitySecret());
            }
            for (LocalService target : all) {
                for (String route : target.routes()) {
                    p.put("sigmatiq.gateway.routes." + route, target.baseUrl());
                }
            }
        }
        return p;
    }

    private static Optional<LocalService> localBroker(List<LocalService> all) {
        return all.stream().filter(s -> s.module().equals(LocalServices.LOCAL_BROKER)).findFirst();
    }

    private static Optional<LocalService> gateway(List<LocalService> all) {
        return all.stream().filter(s -> s.module().equals(LocalServices.GATEWAY)).findFirst();
    }

    LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    List<RunningService> running() {
        return List.copyOf(running);
    }

    /** The services' JVMs with {@code --processes}; empty when they run in this JVM. */
    Optional<ServiceProcesses> processes() {
        return Optional.ofNullable(processes);
    }

    String banner(Options options, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nSigmatiq local mode ready in %.1f s%n", seconds));
        List<LocalService> up = processes != null ? processes.modules().stream().map(processes::service).toList()
                : running.stream().map(RunningService::service).toList();
        Optional<LocalService> gateway = up.stream().filter(s -> s.module().equals(LocalServices.GATEWAY)).findFirst();
        if (gateway.isPresent()) {
            b.append("  web UI         ").append(gateway.get().baseUrl()).append("/  (open it in a browser)\n");
            b.append("  demo user      ").append(DEMO_USERNAME).append(" / ").append(DEMO_PASSWORD).append("  (user and operator)\n");
        } else {
            b.append("  (no gateway running: nothing to open yet)\n");
        }
        for (LocalService s : up) {
            if (s.module().equals(LocalServices.LOCAL_BROKER)) {
                b.append(String.format(Locale.ROOT, "  %-14s FIX 4.4 on 127.0.0.1:%d, fills against the feeds' bars"
                        + " (a \"fix\" live account without a connection trades here)%n", s.module(), s.port()));
            } else {
                b.append(String.format(Locale.ROOT, "  %-14s %s%n", s.module(), s.baseUrl()));
            }
        }
        if (processes != null) {
            b.append("  (each service in its own JVM; logs in ").append(options.logsDirectory()).append(")\n");
        }
        LocalInfrastructure infra = infrastructure;
        b.append("  PostgreSQL     jdbc:postgresql://localhost:").append(infra.postgresPort()).append('/')
                .append(LocalInfrastructure.DATABASE).append("  (user ").append(LocalInfrastructure.USER)
                .append(", data in ").append(options.postgresDirectory()).append(")\n");
        b.append("  Kafka          ").append(infra.kafkaBootstrapServers()).append('\n');
        b.append("Press Ctrl-C to stop.");
        return b.toString();
    }

    /**
     * Stops the services in reverse start order, then Kafka, then PostgreSQL, then releases the data folder.
     * Idempotent; never throws.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        List<RunningService> services = new ArrayList<>(running);
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        running.clear();
        if (processes != null) {
            processes.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (folderLock != null) {
            folderLock.close();
        }
        log.info("stopped in {} s", seconds(System.nanoTime() - t0));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
