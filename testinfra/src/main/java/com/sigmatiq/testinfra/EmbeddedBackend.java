package com.sigmatiq.testinfra;

import com.sigmatiq.contracts.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.utils.Exit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** zonky embedded PostgreSQL (fresh data directory) and a one-broker embedded Kafka KRaft cluster on random ports. */
final class EmbeddedBackend implements SigmatiqInfrastructure.Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);
    /** Temporary-folder deletions the broker asked to run at JVM exit; run after it stops. */
    private static final List<Runnable> DEFERRED_CLEANUPS = new CopyOnWriteArrayList<>();
    private static final String USER = "postgres";
    /** zonky's cluster trusts local connections; the password is accepted and ignored. */
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaKraftBroker kafka;
    private final SigmatiqInfrastructure.Endpoints endpoints;

    private EmbeddedBackend(EmbeddedPostgres postgres, EmbeddedKafkaKraftBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.endpoints = new SigmatiqInfrastructure.Endpoints(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + SigmatiqInfrastructure.DATABASE,
                USER, PASSWORD, kafka.getBrokersAsString());
    }

    static EmbeddedBackend start() {
        EmbeddedPostgres postgres = startPostgres();
        EmbeddedKafkaKraftBroker kafka;
        try {
            kafka = startKafka();
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        return new EmbeddedBackend(postgres, kafka);
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + SigmatiqInfrastructure.DATABASE);
            } catch (SQLException e) {
                closeQuietly(postgres);
                throw new IllegalStateException("cannot create database " + SigmatiqInfrastructure.DATABASE, e);
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
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
