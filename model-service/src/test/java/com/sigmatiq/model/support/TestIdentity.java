package com.sigmatiq.model.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Stands in for the gateway's identity side in tests: an RSA key of its own, a JWKS served over HTTP
 * (like {@code GET /.well-known/jwks.json}), and RS256 tokens with issuer {@code sigmatiq}, {@code sub} = a user
 * id, {@code preferred_username} and a one-hour expiry. One per JVM.
 */
public final class TestIdentity {

    public static final String ISSUER = "sigmatiq";

    private static TestIdentity instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;

    private TestIdentity() throws JOSEException, IOException {
        key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("stranger").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    public static synchronized TestIdentity get() {
        if (instance == null) {
            try {
                instance = new TestIdentity();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://localhost:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid token for {@code userId}. */
    public String token(String userId) {
        return sign(key, ISSUER, userId);
    }

    /** A well-formed token signed with a key the JWKS does not publish. */
    public String forgedToken(String userId) {
        return sign(strangerKey, ISSUER, userId);
    }

    /** A token from the right key with another issuer. */
    public String tokenFromIssuer(String issuer, String userId) {
        return sign(key, issuer, userId);
    }

    private static String sign(RSAKey k, String issuer, String userId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(userId)
                .claim("preferred_username", "user-" + userId.substring(0, Math.min(8, userId.length())))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(k));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
