package com.sigmatiq.local;

import com.sigmatiq.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.BrokerServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * The embedded PostgreSQL (data kept in a folder between runs) and the embedded Kafka KRaft broker of local mode.
 * Kafka keeps nothing between runs: its topics start empty; what must survive lives in PostgreSQL (outboxes).
 */
final class LocalInfrastructure implements AutoCloseable {

    static final String DATABASE = "sigmatiq";
    static final String USER = "postgres";
    /** The embedded cluster trusts local connections; the password is accepted and ignored. */
    static final String PASSWORD = "postgres";
    static final int DEFAULT_POSTGRES_PORT = 5432;
    static final int DEFAULT_KAFKA_PORT = 9092;

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);
    /** Temporary-folder deletions the broker asked to run at JVM exit; run after it stops. */
    private static final List<Runnable> DEFERRED_CLEANUPS = new CopyOnWriteArrayList<>();

    private final Path postgresDirectory;
    private volatile EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final int kafkaPort;

    private LocalInfrastructure(Path postgresDirectory, EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka,
                                int kafkaPort) {
        this.postgresDirectory = postgresDirectory;
        this.postgres = postgres;
        this.kafka = kafka;
        this.kafkaPort = kafkaPort;
    }

    /**
     * Starts PostgreSQL on {@code postgresPort} (or a free port if it is taken) with its data in {@code dataDirectory},
     * creating database {@value #DATABASE} on first use, then a Kafka broker on {@code localhost:kafkaPort}
     * (or a free port if it is taken).
     */
    static LocalInfrastructure start(Path dataDirectory, int postgresPort, int kafkaPort) {
        EmbeddedPostgres postgres = startPostgres(dataDirectory, portOrFree(postgresPort, "PostgreSQL"));
        try {
            int port = portOrFree(kafkaPort, "Kafka");
            return new LocalInfrastructure(dataDirectory, postgres, startKafka(port), port);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            refuseIfStillRunning(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    // the embedded server's defaults suit throw-away test databases (fsync off, commits not waiting for
                    // the WAL flush); a user's platform keeps what it acknowledged through a power cut
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .start();
            createDatabaseIfMissing(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (data in " + dataDirectory + ")", e);
        }
    }

    /**
     * A PostgreSQL still running on the data folder holds it. Local mode stops one left by a killed run before it gets
     * here ({@link OrphanedPostgres}); anything still running now belongs to someone else.
     */
    private static void refuseIfStillRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(OrphanedPostgres.PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,18}")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("a PostgreSQL (pid " + pid + ") already runs on " + dataDirectory
                    + "; stop it first (kill " + pid + ")");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + DATABASE);
                    }
                    log.info("created database {}", DATABASE);
                }
            }
        } catch (SQLException e) {
            closeQuietly(postgres);
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }

    private static EmbeddedKafkaKraftBroker startKafka(int port) {
        // kafkaPorts(...) is ignored by the KRaft broker: a fixed port needs its own listener.
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.MODEL_EVENTS, Topics.SWEEP_EVENTS);
        kafka.brokerProperty("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,HOST://localhost:" + port);
        kafka.brokerProperty("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,HOST:PLAINTEXT");
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        // The broker's test kit deletes its temporary log folders in a JVM shutdown hook of its own, which races with
        // our orderly shutdown (services, then broker) and makes the broker fail noisily. Collect those hooks and run
        // them after the broker has stopped.
        Exit.setShutdownHookAdder((name, hook) -> DEFERRED_CLEANUPS.add(hook));
        try {
            kafka.afterPropertiesSet();
        } finally {
            Exit.resetShutdownHookAdder();
        }
        return kafka;
    }

    static int portOrFree(int preferred, String what) {
        if (preferred > 0 && isFree(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            if (preferred > 0) {
                log.warn("port {} is taken: {} uses port {} instead", preferred, what, port);
            }
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for " + what, e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops PostgreSQL (a fast shutdown: every connection is dropped, the data stays) and starts it again on the same
     * folder and port, as an operator's restart or a database crash looks to the services. For the chaos tests.
     */
    synchronized void restartPostgres() {
        int port = postgres.getPort();
        closeQuietly(postgres);
        postgres = startPostgres(postgresDirectory, port);
        log.info("PostgreSQL restarted on port {}", port);
    }

    /**
     * Stops the Kafka broker (its KRaft controller stays up) and starts it again on the same port and log folder, as an
     * operator's restart or a broker crash looks to the services: every connection is dropped, the topics and their
     * records are kept. Returns when the broker is back (~6 s: the controller takes the new registration once the old
     * session has expired). For the chaos tests.
     */
    synchronized void restartKafka() {
        for (BrokerServer broker : kafka.getCluster().brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
            broker.startup();
        }
        log.info("Kafka restarted on {}", kafkaBootstrapServers());
    }

    /** JDBC URL of database {@value #DATABASE}. */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    /** JDBC URL of database {@value #DATABASE} with {@code currentSchema=schema}. */
    String jdbcUrl(String schema) {
        return jdbcUrl() + "?currentSchema=" + schema;
    }

    int postgresPort() {
        return postgres.getPort();
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** The broker's temporary folder (under the system temporary folder; deleted by {@link #close()}). */
    Path kafkaFolder() {
        return Path.of(kafka.getCluster().nodes().baseDirectory());
    }

    /** Stops Kafka, then PostgreSQL (a fast shutdown that keeps the data). Never throws. */
    @Override
    public void close() {
        try {
            kafka.destroy();
        } catch (RuntimeException e) {
            log.warn("Kafka did not stop cleanly", e);
        }
        runDeferredCleanups();
        closeQuietly(postgres);
    }

    private static void runDeferredCleanups() {
        for (Runnable cleanup : DEFERRED_CLEANUPS) {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                log.debug("temporary Kafka folder not deleted", e);
            }
        }
        DEFERRED_CLEANUPS.clear();
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
