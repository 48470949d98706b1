package com.sigmatiq.testinfra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Locale;
import java.util.Objects;

/**
 * The single entry point to the shared test infrastructure: one PostgreSQL database and one Kafka broker per JVM.
 *
 * <p>{@link #start()} is idempotent and thread-safe; the first call starts the backend chosen by
 * {@value #MODE_PROPERTY} (see {@link Mode}) and registers a shutdown hook that stops it when the JVM exits.
 * Every later call returns the same {@link Endpoints}.
 */
public final class SigmatiqInfrastructure {

    /** System property choosing the backend: {@code embedded} (default) or {@code testcontainers}. */
    public static final String MODE_PROPERTY = "sigmatiq.infra";
    /** Environment variable read when {@link #MODE_PROPERTY} is not set. */
    public static final String MODE_ENV = "SIGMATIQ_INFRA";
    /** Name of the database created in PostgreSQL, whatever the backend. */
    public static final String DATABASE = "sigmatiq";

    private static final Logger log = LoggerFactory.getLogger(SigmatiqInfrastructure.class);

    private static Backend backend;

    /** Where the infrastructure runs. */
    public enum Mode {
        /** zonky embedded PostgreSQL and spring-kafka-test's {@code EmbeddedKafkaKraftBroker}, in this JVM. */
        EMBEDDED,
        /** Testcontainers {@code postgres:17} and {@code apache/kafka:4.1.0}; needs a Docker engine. */
        TESTCONTAINERS
    }

    /**
     * Connection details of the running infrastructure.
     *
     * @param jdbcUrl               JDBC URL of database {@value SigmatiqInfrastructure#DATABASE}, without a schema
     * @param username              database user
     * @param password              its password
     * @param kafkaBootstrapServers {@code host:port[,host:port]} of the Kafka broker
     */
    public record Endpoints(String jdbcUrl, String username, String password, String kafkaBootstrapServers) {

        public Endpoints {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
        }

        /** The JDBC URL with {@code currentSchema=schema}, the way each service addresses its own schema. */
        public String jdbcUrl(String schema) {
            Objects.requireNonNull(schema, "schema");
            return jdbcUrl + (jdbcUrl.indexOf('?') >= 0 ? '&' : '?') + "currentSchema=" + schema;
        }
    }

    private SigmatiqInfrastructure() {
    }

    /**
     * Starts PostgreSQL and Kafka once per JVM and returns where they are.
     *
     * @throws org.opentest4j.TestAbortedException in {@link Mode#TESTCONTAINERS} mode when no Docker engine is
     *                                             reachable (JUnit reports the test as skipped)
     */
    public static synchronized Endpoints start() {
        if (backend == null) {
            Mode mode = mode();
            InfrastructureLogLevels.quiet();
            long t0 = System.nanoTime();
            Backend started = switch (mode) {
                case EMBEDDED -> EmbeddedBackend.start();
                case TESTCONTAINERS -> ContainerBackend.start();
            };
            backend = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sigmatiq-infra-shutdown"));
            log.info("Sigmatiq test infrastructure ({}) up in {} ms: {}", mode.name().toLowerCase(Locale.ROOT),
                    (System.nanoTime() - t0) / 1_000_000, started.endpoints());
        }
        return backend.endpoints();
    }

    /** The backend selected by {@value #MODE_PROPERTY} / {@value #MODE_ENV}; {@link Mode#EMBEDDED} when neither is set. */
    public static Mode mode() {
        String value = System.getProperty(MODE_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(MODE_ENV);
        }
        return parseMode(value);
    }

    static Mode parseMode(String value) {
        if (value == null || value.isBlank()) {
            return Mode.EMBEDDED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> Mode.EMBEDDED;
            case "testcontainers" -> Mode.TESTCONTAINERS;
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + "=" + value + " is not a known mode; valid choices: embedded, testcontainers");
        };
    }

    /**
     * Registers {@code spring.datasource.url|username|password} and {@code spring.kafka.bootstrap-servers},
     * starting the infrastructure if needed. For a {@code @DynamicPropertySource} method.
     * The URL has no schema: prefer {@link #registerProperties(DynamicPropertyRegistry, String)}.
     */
    public static void registerProperties(DynamicPropertyRegistry registry) {
        register(registry, start().jdbcUrl());
    }

    /** Like {@link #registerProperties(DynamicPropertyRegistry)}, with {@code currentSchema=schema} in the URL. */
    public static void registerProperties(DynamicPropertyRegistry registry, String schema) {
        register(registry, start().jdbcUrl(schema));
    }

    private static void register(DynamicPropertyRegistry registry, String url) {
        Endpoints endpoints = start();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", endpoints::username);
        registry.add("spring.datasource.password", endpoints::password);
        registry.add("spring.kafka.bootstrap-servers", endpoints::kafkaBootstrapServers);
    }

    /**
     * Restarts PostgreSQL (fast shutdown: every connection of every service in this JVM is dropped) on the same port
     * and data, and returns when it accepts connections again. Embedded mode only.
     *
     * @throws org.opentest4j.TestAbortedException in {@link Mode#TESTCONTAINERS} mode
     */
    public static synchronized void restartPostgres() {
        start();
        backend.restartPostgres();
    }

    /**
     * Restarts the Kafka broker on the same port and log folder (the topics and their records are kept), and returns
     * when it is back. Embedded mode only.
     *
     * @throws org.opentest4j.TestAbortedException in {@link Mode#TESTCONTAINERS} mode
     */
    public static synchronized void restartKafka() {
        start();
        backend.restartKafka();
    }

    /** A running PostgreSQL + Kafka pair. */
    interface Backend {
        Endpoints endpoints();

        void restartPostgres();

        void restartKafka();

        /** Stops Kafka, then PostgreSQL; never throws. */
        void stop();
    }
}
