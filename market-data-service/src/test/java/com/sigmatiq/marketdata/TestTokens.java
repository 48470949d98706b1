package com.sigmatiq.marketdata;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Stands in for the gateway in tests: an RSA key, its JWKS served by a JDK HttpServer on a free port, and RS256 tokens
 * issued by {@code sigmatiq} with the gateway's {@code roles} claim ({@code user}; {@code operator} as well for
 * {@link #operatorToken}).
 */
public final class TestTokens {

    private static RSAKey key;
    private static String jwksUri;

    private TestTokens() {
    }

    public static synchronized String jwksUri() {
        if (jwksUri == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                var pair = g.generateKeyPair();
                key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                        .keyID("test").algorithm(JWSAlgorithm.RS256).build();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/.well-known/jwks.json", ex -> {
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, jwks.length);
                    ex.getResponseBody().write(jwks);
                    ex.close();
                });
                server.setExecutor(null);
                server.start();
                jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return jwksUri;
    }

    /** A token of an ordinary user (role {@code user}). */
    public static String token(String subject) {
        return token(subject, List.of("user"));
    }

    /** A token of an operator (roles {@code user} and {@code operator}): may import and replay. */
    public static String operatorToken(String subject) {
        return token(subject, List.of("user", "operator"));
    }

    public static String token(String subject, List<String> roles) {
        jwksUri();
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("sigmatiq").subject(subject)
                    .claim("preferred_username", "tester").claim("roles", roles).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
