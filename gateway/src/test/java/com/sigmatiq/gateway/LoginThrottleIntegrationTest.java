package com.sigmatiq.gateway;

import static com.sigmatiq.gateway.GatewayHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.sigmatiq.testinfra.SigmatiqIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login throttling with the shipped limits, through HTTP on the real embedded PostgreSQL ({@code LoginThrottleTest} has
 * the rules one by one).
 */
@SigmatiqIntegrationTest(properties = {GatewayHttp.TEST_SECRET})
class LoginThrottleIntegrationTest {

    @LocalServerPort
    int port;

    private GatewayHttp http;

    @BeforeEach
    void client() {
        http = new GatewayHttp(port);
    }

    @Test
    void fiveWrongPasswordsMakeThatUserWaitFromThisAddressWithA429NamingTheWaitWhileOthersLogIn() {
        String username = GatewayHttp.uniqueUsername("mallory-target");
        http.register(username, "right-password");
        String other = GatewayHttp.uniqueUsername("bystander");
        http.register(other, "right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(http.login(username, "wrong-password-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = http.login(username, "right-password");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(json(refused).path("detail").asString()).contains("too many failed logins");
        assertThat(json(refused).has("access_token")).isFalse();
        assertThat(http.login(other, "right-password").statusCode()).isEqualTo(200);
    }
}
