package com.sigmatiq.marketdata;

import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * One application context for the integration tests: real embedded PostgreSQL and Kafka (testinfra), the bundled
 * data imported at start from {@code ../data/market}, tokens from {@link TestTokens}.
 */
@SigmatiqIntegrationTest(properties = "sigmatiq.marketdata.bootstrap-dir=../data/market")
public abstract class IntegrationTestSupport {

    protected static final String USER = UUID.randomUUID().toString();
    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestTokens.token(USER)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    protected HttpResponse<byte[]> getBytes(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TestTokens.token(USER))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST as an operator (imports and replays need the role). */
    protected HttpResponse<String> post(String path, String jsonBody) throws Exception {
        return post(path, jsonBody, TestTokens.operatorToken(USER));
    }

    protected HttpResponse<String> post(String path, String jsonBody, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Multipart upload of {@code content} as {@code fileName} to {@code POST /imports} with form fields, as an operator. */
    protected HttpResponse<String> upload(String fileName, String content, Map<String, String> fields) throws Exception {
        return upload(fileName, content, fields, TestTokens.operatorToken(USER));
    }

    protected HttpResponse<String> upload(String fileName, String content, Map<String, String> fields, String token)
            throws Exception {
        String boundary = "----sigmatiq" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(uri("/imports")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected long count(String ticker, String timeframe) {
        return jdbc.sql("select count(*) from bar where ticker = ? and timeframe = ?").params(ticker, timeframe)
                .query(Long.class).single();
    }
}
