package com.sigmatiq.testinfra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A stand-in for the gateway's token issuer in tests: a fresh RSA key whose public JWKS is served at
 * {@code http://127.0.0.1:<random port>/.well-known/jwks.json} by a JDK {@link HttpServer}, and RS256
 * tokens signed with it that carry the gateway's claims ({@code iss} = {@code sigmatiq}, {@code sub} =
 * user id, {@code preferred_username}, {@code exp} = 1 h).
 *
 * <pre>{@code
 * static final TestJwks JWKS = TestJwks.start();
 * @DynamicPropertySource static void jwt(DynamicPropertyRegistry r) {
 *     r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::jwkSetUri);
 * }
 * String token = JWKS.token(userId);   // Authorization: Bearer <token>
 * }</pre>
 *
 * One instance per test class is enough; the server stops when the JVM exits (or on {@link #close()}).
 */
public final class TestJwks implements AutoCloseable {

    public static final String ISSUER = "sigmatiq";

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;

    private TestJwks(RSAKey key, RSAKey foreignKey, HttpServer server) {
        this.key = key;
        this.foreignKey = foreignKey;
        this.server = server;
    }

    /** Generates a key pair and starts serving its JWKS on a random local port. */
    public static TestJwks start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            TestJwks t = new TestJwks(key, foreign, server);
            Runtime.getRuntime().addShutdownHook(new Thread(t::close, "test-jwks-stop"));
            return t;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}. */
    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid token for {@code subject} (a user id), as the gateway would issue it. */
    public String token(String subject) {
        return token(subject, c -> { });
    }

    /** A token for {@code subject} whose claims {@code customize} may change (e.g. {@code issuer}, {@code expirationTime}). */
    public String token(String subject, Consumer<JWTClaimsSet.Builder> customize) {
        return sign(key, claims(subject, customize));
    }

    /** A platform service's own token, as the gateway issues it: subject {@code service:<name>}, role {@code service}. */
    public String serviceToken(String service) {
        return token("service:" + service, c -> c.claim("preferred_username", service).claim("roles", java.util.List.of("service")));
    }

    /** A well-formed token with the right key id, signed by another key: must be rejected. */
    public String tokenSignedByAnotherKey(String subject) {
        return sign(foreignKey, claims(subject, c -> { }));
    }

    private static JWTClaimsSet claims(String subject, Consumer<JWTClaimsSet.Builder> customize) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("preferred_username", "user-" + subject.substring(0, Math.min(8, subject.length())))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        customize.accept(b);
        return b.build();
    }

    private String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
