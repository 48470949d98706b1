package com.sigmatiq.testinfra;

import com.sigmatiq.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.BrokerServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * zonky embedded PostgreSQL (fresh data directory, kept until {@link #stop()} so that it can be restarted) and a
 * one-broker embedded Kafka KRaft cluster on random ports. PostgreSQL keeps zonky's test defaults ({@code fsync} off,
 * commits not waiting for the WAL flush) unless {@value #DURABLE} is true: then it waits for the disk as a real
 * server (and local mode) does, for benchmarks whose figures include the commit.
 */
final class EmbeddedBackend implements SigmatiqInfrastructure.Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);
    /** Temporary-folder deletions the broker asked to run at JVM exit; run after it stops. */
    private static final List<Runnable> DEFERRED_CLEANUPS = new CopyOnWriteArrayList<>();
    private static final String USER = "postgres";
    /** zonky's cluster trusts local connections; the password is accepted and ignored. */
    private static final String PASSWORD = "postgres";
    /** System property: start PostgreSQL durable ({@code fsync} and {@code synchronous_commit} on). */
    static final String DURABLE = "testinfra.postgres.durable";

    private EmbeddedPostgres postgres;
    /** PostgreSQL's data folder: kept across {@link #restartPostgres()}, deleted by {@link #stop()}. */
    private final Path postgresData;
    private final EmbeddedKafkaKraftBroker kafka;
    private final SigmatiqInfrastructure.Endpoints endpoints;

    private EmbeddedBackend(EmbeddedPostgres postgres, Path postgresData, EmbeddedKafkaKraftBroker kafka) {
        this.postgres = postgres;
        this.postgresData = postgresData;
        this.kafka = kafka;
        this.endpoints = new SigmatiqInfrastructure.Endpoints(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + SigmatiqInfrastructure.DATABASE,
                USER, PASSWORD, kafka.getBrokersAsString());
    }

    static EmbeddedBackend start() {
        Path data;
        try {
            data = Files.createTempDirectory("sigmatiq-test-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres postgres = startPostgres(data, 0);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + SigmatiqInfrastructure.DATABASE);
        } catch (SQLException e) {
            closeQuietly(postgres);
            deleteQuietly(data);
            throw new IllegalStateException("cannot create database " + SigmatiqInfrastructure.DATABASE, e);
        }
        EmbeddedKafkaKraftBroker kafka;
        try {
            kafka = startKafka();
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            deleteQuietly(data);
            throw e;
        }
        return new EmbeddedBackend(postgres, data, kafka);
    }

    /** A server on {@code data} (initialised when empty, kept otherwise) and {@code port} (0 = any free port). */
    private static EmbeddedPostgres startPostgres(Path data, int port) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                    .setDataDirectory(data).setCleanDataDirectory(false);
            if (Boolean.getBoolean(DURABLE)) {
                b.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port != 0) {
                b.setPort(port);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Stops PostgreSQL with a fast shutdown (every connection is dropped, open transactions are rolled back) and
     * starts it again on the same port and data folder.
     */
    @Override
    public synchronized void restartPostgres() {
        int port = postgres.getPort();
        closeQuietly(postgres);
        postgres = startPostgres(postgresData, port);
        log.info("embedded PostgreSQL restarted on port {}", port);
    }

    /**
     * Stops the Kafka broker (its controller stays up) and starts it again on the same port and log folder: what
     * the broker stored is kept; clients lose their connections until it is back (~6 s: the controller waits for
     * the old registration's session to expire).
     */
    @Override
    public synchronized void restartKafka() {
        for (BrokerServer broker : kafka.getCluster().brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
            broker.startup();
        }
        log.info("embedded Kafka broker restarted at {}", kafka.getBrokersAsString());
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.MODEL_EVENTS, Topics.SWEEP_EVENTS, Topics.TRAINING_EVENTS,
                Topics.PAPER_EVENTS, Topics.PILOT_EVENTS);
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

    @Override
    public SigmatiqInfrastructure.Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void stop() {
        try {
            kafka.destroy();
        } catch (RuntimeException e) {
            log.warn("embedded Kafka did not stop cleanly", e);
        }
        runDeferredCleanups();
        closeQuietly(postgres);
        deleteQuietly(postgresData);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("PostgreSQL data folder {} not deleted", folder, e);
        }
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
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
