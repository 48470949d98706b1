package com.sigmatiq.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for a service under test: JSON in and out, bearer tokens, streams and polling. */
public final class TestApi {

    /** An answer; {@code body} is null when it is empty or not JSON. */
    public record Response(int status, JsonNode body, String raw, String contentType) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    public TestApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Response post(String path, String token, Object body) {
        String b = body == null ? "" : body instanceof String s ? s : json.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(b)), token);
    }

    /** The raw bytes of {@code GET path} (a download), with its status. */
    public HttpResponse<byte[]> bytes(String path, String token) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
            if (token != null) {
                r.header("Authorization", "Bearer " + token);
            }
            return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw text of a streamed answer (e.g. server-sent events until the stream ends). */
    public String stream(String path, String token) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                    .timeout(Duration.ofMinutes(2)).GET();
            if (token != null) {
                r.header("Authorization", "Bearer " + token);
            }
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code GET path} until {@code done} holds for its body. */
    public JsonNode await(String path, String token, Predicate<JsonNode> done, Duration timeout) {
        return Awaitility.await("GET " + path).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> get(path, token), r -> r.status() == 200 && done.test(r.body())).body();
    }

    private Response send(HttpRequest.Builder r, String token) {
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> res = http.send(r.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = res.body() == null || res.body().isBlank() ? null : json.readTree(res.body());
            } catch (RuntimeException notJson) {
                // left null: the caller sees raw and contentType
            }
            return new Response(res.statusCode(), body, res.body(), res.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
