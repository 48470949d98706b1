/**
 * Test infrastructure for Sigmatiq services: one PostgreSQL and one Kafka broker per JVM, started on first use
 * and stopped by a shutdown hook.
 *
 * <p>Entry points: {@link com.sigmatiq.testinfra.SigmatiqIntegrationTest} on a test class (one annotation), or
 * {@link com.sigmatiq.testinfra.SigmatiqInfrastructure#registerProperties} from a {@code @DynamicPropertySource}
 * method. The backend is chosen by the system property or environment variable {@code sigmatiq.infra}
 * ({@code SIGMATIQ_INFRA}): {@code embedded} (default: zonky embedded PostgreSQL and spring-kafka-test's KRaft
 * broker, no Docker) or {@code testcontainers} (PostgreSQL and Kafka containers; tests are skipped when no
 * Docker engine is reachable).
 */
package com.sigmatiq.testinfra;
