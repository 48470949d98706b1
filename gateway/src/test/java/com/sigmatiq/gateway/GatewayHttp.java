package com.sigmatiq.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client against a running gateway, so tests see exactly what goes over the wire. */
public final class GatewayHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Tests set their own key-encryption secret, as local mode and deployments do; every context on the
     * shared test database must use the same one, since they share the stored signing key.
     */
    public static final String TEST_SECRET = "sigmatiq.identity.key-encryption-secret=test-only-key-encryption-secret";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public GatewayHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> register(String username, String password) {
        return postJson("/api/auth/register",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    public HttpResponse<String> login(String username, String password) {
        return postJson("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    /** Registers a fresh user and returns an access token for it. */
    public String newUserToken() {
        String username = uniqueUsername("user");
        register(username, "password-123");
        return json(login(username, "password-123")).path("access_token").asString();
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
