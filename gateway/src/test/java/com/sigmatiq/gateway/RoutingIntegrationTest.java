package com.sigmatiq.gateway;

import static com.sigmatiq.gateway.GatewayHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Proxying through the gateway to a real HTTP server (the JDK's) standing in for a service:
 * path rewriting, method, query, headers (Authorization), body in both directions, status codes,
 * multipart, and the gateway's own answers when no route matches (404) or the service is down (502).
 */
@SigmatiqIntegrationTest(properties = {GatewayHttp.TEST_SECRET, "spring.http.clients.read-timeout=2s"})
class RoutingIntegrationTest {

    /** What the stand-in service received. */
    record Received(String method, String path, String rawQuery, Headers headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    static final HttpServer DOWNSTREAM = startDownstream();
    static final int CLOSED_PORT = freePort();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String downstream = "http://localhost:" + DOWNSTREAM.getAddress().getPort();
        registry.add("sigmatiq.gateway.routes.packs", () -> downstream);
        registry.add("sigmatiq.gateway.routes.models", () -> "http://localhost:" + CLOSED_PORT);
        // A later service joins with one property line.
        registry.add("sigmatiq.gateway.routes.sweeps", () -> downstream);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.stop(0);
    }

    @LocalServerPort
    int port;

    GatewayHttp http;

    @BeforeEach
    void setUp() {
        http = new GatewayHttp(port);
        RECEIVED.clear();
    }

    @Test
    void getIsProxiedWithApiStrippedAndQueryHeadersAndResponseKept() throws Exception {
        String token = http.newUserToken();
        HttpResponse<String> response = http.send(http.request("/api/packs/swingsigma?version=1.2&q=a%20b&q=c")
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("X-Request-Id", "req-42")
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"swingsigma\",\"name\":\"Swing Sigma\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Downstream")).hasValue("pack-service");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"v1\"");
        // the service's caching and security headers win over the gateway's own defaults, without duplicates
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("max-age=60");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");

        Received seen = next();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.path()).isEqualTo("/packs/swingsigma");
        assertThat(seen.rawQuery()).isEqualTo("version=1.2&q=a%20b&q=c");
        assertThat(seen.headers().getFirst("Authorization")).isEqualTo("Bearer " + token);
        assertThat(seen.headers().getFirst("Accept")).isEqualTo("application/json");
        assertThat(seen.headers().getFirst("X-Request-Id")).isEqualTo("req-42");
        assertThat(seen.headers().getFirst("X-Forwarded-Prefix")).isNull();
    }

    @Test
    void postBodyAndStatusAndLocationPassThrough() throws Exception {
        String token = http.newUserToken();
        String body = "{\"pack_id\":\"swingsigma\",\"strategy\":\"rsi_reversion\",\"ünïcode\":\"✓\"}";
        HttpResponse<String> response = http.send(http.request("/api/packs")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(201);
        // the service's own path, re-rooted on this origin
        assertThat(response.headers().firstValue("Location")).hasValue("/api/packs/new-pack");
        assertThat(response.body()).isEqualTo(body);

        Received seen = next();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/packs");
        assertThat(seen.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(seen.bodyText()).isEqualTo(body);
    }

    @Test
    void otherMethodsPassThrough() throws Exception {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            HttpResponse<String> response = http.send(http.request("/api/packs/swingsigma/versions/2")
                    .header("Content-Type", "application/json")
                    .method(method, method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{\"x\":1}"))
                    .build());
            assertThat(response.statusCode()).as(method).isEqualTo(method.equals("DELETE") ? 204 : 200);
            Received seen = next();
            assertThat(seen.method()).isEqualTo(method);
            assertThat(seen.path()).isEqualTo("/packs/swingsigma/versions/2");
            if (!method.equals("DELETE")) {
                assertThat(seen.bodyText()).isEqualTo("{\"x\":1}");
            }
        }
    }

    @Test
    void downstreamErrorsComeBackUntouched() throws Exception {
        HttpResponse<String> response = http.get("/api/packs/missing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).isEqualTo(MISSING_PROBLEM);
        assertThat(next().headers().containsKey("Authorization")).isFalse(); // no token: passed through as is
    }

    @Test
    void multipartUploadArrivesByteForByte() throws Exception {
        String boundary = "sigmatiq-boundary-7f3a";
        String multipart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"pack.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n"
                + "id: swingsigma\nversion: 1.0.0\n\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(http.request("/api/packs/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build());
        assertThat(response.statusCode()).isEqualTo(202);
        Received seen = next();
        // Same media type and parameters (the gateway may drop the space after ';'), no charset added.
        assertThat(MediaType.parseMediaType(seen.headers().getFirst("Content-Type")))
                .isEqualTo(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        assertThat(seen.bodyText()).isEqualTo(multipart);
    }

    @Test
    void routeNameIsAWholePathSegmentAndNewRoutesJoinByProperty() throws Exception {
        assertThat(http.get("/api/sweeps/s-1").statusCode()).isEqualTo(200);
        assertThat(next().path()).isEqualTo("/sweeps/s-1");

        HttpResponse<String> notARoute = http.get("/api/packsx/swingsigma");
        assertThat(notARoute.statusCode()).isEqualTo(404);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void unknownRouteIs404ProblemDetail() {
        HttpResponse<String> response = http.get("/api/nothing-here/abc");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/nothing-here/abc");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void unreachableServiceIs502ProblemDetail() {
        HttpResponse<String> response = http.get("/api/models/m-1");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(502);
        assertThat(problem.path("title").asString()).isEqualTo("Service unreachable");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/models/m-1");
        assertThat(response.body()).doesNotContain("Exception", "localhost:" + CLOSED_PORT);
    }

    @Test
    void slowServiceIs504ProblemDetail() {
        HttpResponse<String> response = http.get("/api/packs/slow");
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void forgedTokenIsRefusedAtTheGatewayAndNeverReachesTheService() {
        String token = http.newUserToken();
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> response = http.send(http.request("/api/packs/swingsigma")
                .header("Authorization", "Bearer " + forged).GET().build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer").contains("invalid_token"));
        assertThat(RECEIVED).isEmpty();
    }

    private static Received next() throws InterruptedException {
        Received seen = RECEIVED.poll(5, TimeUnit.SECONDS);
        assertThat(seen).as("request received by the stand-in service").isNotNull();
        return seen;
    }

    static final String MISSING_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no pack 'missing'\"}";

    private static HttpServer startDownstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", RoutingIntegrationTest::handle);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        RECEIVED.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body));
        Headers out = exchange.getResponseHeaders();
        switch (path) {
            case "/packs/swingsigma" -> {
                out.add("Content-Type", "application/json");
                out.add("X-Downstream", "pack-service");
                out.add("ETag", "\"v1\"");
                out.add("Cache-Control", "max-age=60");
                out.add("X-Content-Type-Options", "nosniff");
                respond(exchange, 200, "{\"id\":\"swingsigma\",\"name\":\"Swing Sigma\"}".getBytes(StandardCharsets.UTF_8));
            }
            case "/packs" -> {
                out.add("Content-Type", "application/json");
                out.add("Location", "/packs/new-pack");
                respond(exchange, 201, body);
            }
            case "/packs/missing" -> {
                out.add("Content-Type", "application/problem+json");
                respond(exchange, 404, MISSING_PROBLEM.getBytes(StandardCharsets.UTF_8));
            }
            case "/packs/upload" -> respond(exchange, 202, new byte[0]);
            case "/packs/slow" -> {
                try {
                    Thread.sleep(4_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, new byte[0]);
            }
            default -> {
                if (exchange.getRequestMethod().equals("DELETE")) {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                } else {
                    out.add("Content-Type", "application/json");
                    respond(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
