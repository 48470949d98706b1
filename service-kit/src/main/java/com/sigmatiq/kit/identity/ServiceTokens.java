package com.sigmatiq.kit.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own bearer token, for calls it makes with no user behind them (a worker warming up a published
 * model, say): obtained from the gateway's {@code POST /api/auth/service-token} with the shared service secret
 * ({@code sigmatiq.identity.service-secret}), cached, and renewed a minute before it expires. The token carries the
 * role {@code service} only and the subject {@code service:<spring.application.name>}.
 */
public class ServiceTokens {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenUri;
    private final String service;
    private final String secret;
    private final JsonMapper json;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceTokens(URI tokenUri, String service, String secret, JsonMapper json, Clock clock) {
        this.tokenUri = tokenUri;
        this.service = service;
        this.secret = secret;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A valid token.
     *
     * @throws IllegalStateException when the gateway cannot be reached or refuses the secret
     */
    public synchronized String token() {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        String body = json.writeValueAsString(Map.of("service", service, "secret", secret));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway (" + tokenUri + ") cannot be reached for a service token: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for a service token", e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the gateway refused a service token for " + service + ": HTTP " + r.statusCode());
        }
        JsonNode answer = json.readTree(r.body());
        token = answer.path("access_token").asString();
        long lifetime = answer.path("expires_in").asLong(300);
        renewAt = clock.instant().plusSeconds(Math.max(0, lifetime - 60));
        return token;
    }
}
