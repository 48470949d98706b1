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
 *
 * <p>Also for service tests: {@link com.sigmatiq.testinfra.TestJwks} (tokens), {@link com.sigmatiq.testinfra.TestApi}
 * (HTTP calls, downloads, server-sent events, polling) and {@link com.sigmatiq.testinfra.ServiceJvm} (a service in its
 * own JVM, to be killed with SIGKILL).
 */
package com.sigmatiq.testinfra;
