package com.sigmatiq.sweep.it;

import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.sweep.support.StubUpstreams;
import com.sigmatiq.testinfra.TestJwks;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One application context for the integration tests: embedded PostgreSQL and Kafka (testinfra), real RS256 tokens
 * from a test JWKS server, and the upstream services stood in by {@link StubUpstreams} serving the repository's
 * pack and SPY bars over HTTP.
 */
@SigmatiqIntegrationTest(properties = {
        "sigmatiq.sweep.chunk-units=20",
        "sigmatiq.sweep.worker.concurrency=2",
        "sigmatiq.sweep.coordinator.watch-interval=2s",
        "sigmatiq.sweep.coordinator.stall-timeout=20s"})
abstract class IntegrationTestBase {

    static final TestJwks JWKS = TestJwks.start();
    static final StubUpstreams UPSTREAMS = StubUpstreams.get();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
        r.add("sigmatiq.services.model-service", UPSTREAMS::url);
        r.add("sigmatiq.services.pack-service", UPSTREAMS::url);
        r.add("sigmatiq.services.market-data-service", UPSTREAMS::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    /** A new user with one model, {@code spy_swing_momentum_v1}; returns the user's token. */
    static String newUserWithModel() {
        String user = UUID.randomUUID().toString();
        UPSTREAMS.addModel(user, "spy_swing_momentum_v1");
        return JWKS.token(user);
    }

    JsonNode awaitStatus(String sweepId, String token, String status, Duration timeout) {
        return api().await("/sweeps/" + sweepId, token, b -> status.equals(b.path("status").asString()), timeout);
    }
}
