package com.sigmatiq.testinfra;

import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Kafka in Docker containers, the same images as {@code docker-compose.yml}.
 * The only class that touches Testcontainers, so the embedded path never loads it.
 */
final class ContainerBackend implements SigmatiqInfrastructure.Backend {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private static final Logger log = LoggerFactory.getLogger(ContainerBackend.class);

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;
    private final SigmatiqInfrastructure.Endpoints endpoints;

    private ContainerBackend(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.endpoints = new SigmatiqInfrastructure.Endpoints(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword(), kafka.getBootstrapServers());
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerBackend start() {
        if (!dockerAvailable()) {
            throw new TestAbortedException(SigmatiqInfrastructure.MODE_PROPERTY
                    + "=testcontainers needs a Docker engine and none is reachable");
        }
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName(SigmatiqInfrastructure.DATABASE)
                .withUsername("sigmatiq")
                .withPassword("sigmatiq");
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres.start();
        try {
            kafka.start();
        } catch (RuntimeException e) {
            postgres.stop();
            throw e;
        }
        return new ContainerBackend(postgres, kafka);
    }

    @Override
    public SigmatiqInfrastructure.Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void stop() {
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            log.warn("Kafka container did not stop cleanly", e);
        }
        try {
            postgres.stop();
        } catch (RuntimeException e) {
            log.warn("PostgreSQL container did not stop cleanly", e);
        }
    }

    @Override
    public void restartPostgres() {
        throw new TestAbortedException("restarting PostgreSQL is supported by the embedded infrastructure only");
    }

    @Override
    public void restartKafka() {
        throw new TestAbortedException("restarting Kafka is supported by the embedded infrastructure only");
    }
}
