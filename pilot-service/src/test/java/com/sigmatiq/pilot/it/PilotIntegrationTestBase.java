package com.sigmatiq.pilot.it;

import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sigmatiq.testinfra.TestApi;
import com.sigmatiq.testinfra.TestJwks;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One application context for pilot-service's integration tests: embedded PostgreSQL and Kafka, tokens from a test JWKS. */
@SigmatiqIntegrationTest(properties = {"sigmatiq.identity.service-secret=test-service-secret",
        "sigmatiq.pilot.secret-key=" + PilotIntegrationTestBase.SECRET_KEY})
abstract class PilotIntegrationTestBase {

    static final String SECRET_KEY = "test-pilot-secret-key-0123456789";
    static final TestJwks JWKS = TestJwks.start();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry r) {
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record User(String id, String token) {
    }

    TestApi api() {
        return new TestApi(port);
    }

    static User newUser() {
        String id = "user-" + UUID.randomUUID();
        return new User(id, JWKS.token(id));
    }

    static User newOperator() {
        String id = "operator-" + UUID.randomUUID();
        return new User(id, JWKS.token(id, c -> c.claim("roles", List.of("operator"))));
    }

    /** A FIX account body with {@code password} as its one credential. */
    static String fixAccount(String accountId, String password, int port) {
        return """
                {"broker": "fix", "account_id": "%s",
                 "connection": {"host": "127.0.0.1", "port": %d, "sender_comp_id": "S_%s", "target_comp_id": "BROKER"},
                 "credentials": {"password": "%s"},
                 "limits": {"max_capital": 50000, "max_position_size": 1000, "max_open_positions": 3,
                            "daily_loss_limit": 500, "max_orders_per_minute": 10}}""".formatted(accountId, port, accountId, password);
    }
}
