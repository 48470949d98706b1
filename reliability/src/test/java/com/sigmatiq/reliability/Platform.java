package com.sigmatiq.reliability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sigmatiq.local.PlatformUnderTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform under test, started once per test JVM (the first suite that asks starts it; a shutdown hook stops it),
 * with known secrets set, every service logging to one file, and an HTTP client that keeps every answer's body for
 * {@link SecretsNeverLeakTest}.
 */
final class Platform {

    /** SMTP password given to every service (alert-service sends e-mail with it). */
    static final String SMTP_PASSWORD = "smtp-Pa55-" + UUID.randomUUID();
    /** Webhook secret and broker password the journey slice stores through the API. */
    static final String WEBHOOK_SECRET = "whsec-" + UUID.randomUUID();
    static final String BROKER_PASSWORD = "broker-Pa55-" + UUID.randomUUID();

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger USERS = new AtomicInteger();

    private static Platform instance;

    final PlatformUnderTest services;
    final Path data;
    final Path logFile;
    final String gateway;
    /** Every answer body seen, for the secrets scan (bounded: the first 64 KiB of each). */
    final List<String> answers = Collections.synchronizedList(new ArrayList<>());
    private final RSAKey signingKey;

    private Platform(PlatformUnderTest services, Path data, Path logFile) {
        this.services = services;
        this.data = data;
        this.logFile = logFile;
        this.gateway = services.gateway();
        try {
            String jwk = services.callOnBean("gateway", "com.sigmatiq.gateway.domain.SigningKeys", "active",
                    "toJSONString").toString();
            this.signingKey = RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized Platform get() {
        if (instance == null) {
            try {
                Path data = Files.createTempDirectory("sigmatiq-reliability");
                Path logFile = data.resolve("logs/platform.log");
                System.setProperty("spring.mail.password", SMTP_PASSWORD);
                System.setProperty("spring.mail.username", "alerts");
                System.setProperty("logging.file.name", logFile.toString());
                // every request here comes from 127.0.0.1: the fuzzer's failed logins must not lock the suite's own
                // logins out (the throttle is tested in the gateway module); per user and address stays as shipped
                System.setProperty("sigmatiq.identity.login-throttle.per-address", "1000000");
                System.setProperty("sigmatiq.identity.login-throttle.per-user", "1000000");
                PlatformUnderTest started = PlatformUnderTest.start(repositoryRoot(), data);
                instance = new Platform(started, data, logFile);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "reliability-platform-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    // ---- users and tokens

    /** A registered user and a token the gateway issued to them. */
    record User(String id, String name, String token) {
    }

    User register(String prefix) {
        String name = (prefix + "-" + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36)).toLowerCase();
        Response r = send("POST", "/api/auth/register", null, "application/json",
                json(Map.of("username", name, "password", "correct-horse-" + name)));
        if (r.status() != 201) {
            throw new IllegalStateException("register " + name + ": " + r);
        }
        return new User(r.json().get("user_id").asString(), name, login(name, "correct-horse-" + name));
    }

    String login(String username, String password) {
        Response r = send("POST", "/api/auth/login", null, "application/json",
                json(Map.of("username", username, "password", password)));
        if (r.status() != 200) {
            throw new IllegalStateException("login " + username + ": " + r);
        }
        return r.json().get("access_token").asString();
    }

    /** The demo user, local mode's operator. */
    User operator() {
        return new User("demo", "demo", login("demo", "sigmatiq-demo"));
    }

    /** A token for {@code subject} signed with the gateway's own key, valid or not as the times say. */
    String tokenSignedByTheGateway(String subject, Instant issuedAt, Instant expiresAt) {
        return sign(signingKey, signingKey.getKeyID(), subject, issuedAt, expiresAt);
    }

    /** A token that looks like the gateway's (same kid, issuer, claims) but is signed by a key it never had. */
    String tokenSignedByAnotherKey(String subject) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
            Instant now = Instant.now();
            return sign(other, signingKey.getKeyID(), subject, now, now.plusSeconds(600));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, String kid, String subject, Instant issuedAt, Instant expiresAt) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("sigmatiq").subject(subject).claim("preferred_username", "x")
                    .claim("roles", List.of("user", "operator"))
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP through the gateway

    /** An answer: status, content type, body. */
    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Response send(String method, String path, String token, String contentType, byte[] body) {
        return send(method, URI.create(gateway + path), token, contentType, body, Map.of());
    }

    Response send(String method, URI uri, String token, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", headers.getOrDefault("Accept", "application/json, application/problem+json"));
        headers.forEach((k, v) -> {
            if (!k.equals("Accept")) {
                b.header(k, v);
            }
        });
        try {
            if ("text/event-stream".equals(headers.get("Accept"))) {
                // an event stream that opens never ends (and the gateway sends its headers only with the first
                // event): keep the status and what came at once, then hang up; nothing within 5 s is status 0
                b.timeout(Duration.ofSeconds(5));
                HttpResponse<java.io.InputStream> r;
                try {
                    r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (java.net.http.HttpTimeoutException e) {
                    return new Response(0, null, "");
                }
                String type = r.headers().firstValue("Content-Type").orElse(null);
                String text = "";
                try (java.io.InputStream in = r.body()) {
                    if (type == null || !type.startsWith("text/event-stream")) {
                        text = new String(in.readNBytes(65536), StandardCharsets.UTF_8);
                    }
                }
                answers.add(text);
                return new Response(r.statusCode(), type, text);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = r.body() == null ? "" : r.body();
            answers.add(text.length() > 65536 ? text.substring(0, 65536) : text);
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    /** Each service's live OpenAPI document, by module, read from the service itself ({@code /v3/api-docs}). */
    Map<String, JsonNode> openApiDocuments() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        services.baseUrls().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Response r = send("GET", URI.create(e.getValue() + "/v3/api-docs"), null, null, null, Map.of());
            if (r.status() != 200) {
                throw new IllegalStateException(e.getKey() + " serves no OpenAPI document: " + r);
            }
            docs.put(e.getKey(), r.json());
        });
        return docs;
    }
}
