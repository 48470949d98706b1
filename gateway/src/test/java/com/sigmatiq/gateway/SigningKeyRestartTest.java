package com.sigmatiq.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sigmatiq.gateway.domain.SigningKeys;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqInfrastructureCondition;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The signing key is generated on the first start, stored encrypted, and reused by every later
 * start: same kid, and tokens issued before a restart still verify after it. Each test uses its own
 * fresh database on the shared embedded PostgreSQL, so "first start" really is the first.
 */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class SigningKeyRestartTest {

    private static final String SECRET = "restart-test-secret-0123456789";

    @Test
    void keySurvivesARestartIsNeverStoredInClearAndNeedsItsSecret() throws Exception {
        String url = freshDatabase();
        String kid;
        String jwks;
        String tokenBeforeRestart;
        byte[] pkcs8;
        BigInteger privateExponent;

        try (ConfigurableApplicationContext first = start(url, SECRET)) {
            GatewayHttp http = new GatewayHttp(port(first));
            jwks = http.get("/.well-known/jwks.json").body();
            kid = JWKSet.parse(jwks).getKeys().get(0).getKeyID();
            tokenBeforeRestart = http.newUserToken();
            RSAKey active = first.getBean(SigningKeys.class).active();
            pkcs8 = active.toRSAPrivateKey().getEncoded();
            privateExponent = active.getPrivateExponent().decodeToBigInteger();

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM signing_key").query(Long.class).single()).isEqualTo(1L);
            byte[] stored = jdbc.sql("SELECT private_key_ciphertext FROM signing_key").query(byte[].class).single();
            assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("BEGIN");
            assertThat(IdentityIntegrationTest.indexOf(stored, pkcs8)).isEqualTo(-1);
            assertThat(IdentityIntegrationTest.indexOf(stored, privateExponent.toByteArray())).isEqualTo(-1);
            assertThat(stored).hasSize(pkcs8.length + 16); // AES-GCM: same length plus the 16-byte tag
        }

        try (ConfigurableApplicationContext second = start(url, SECRET)) {
            GatewayHttp http = new GatewayHttp(port(second));
            String jwksAfter = http.get("/.well-known/jwks.json").body();
            RSAKey publishedAfter = (RSAKey) JWKSet.parse(jwksAfter).getKeys().get(0);
            assertThat(publishedAfter.getKeyID()).isEqualTo(kid);
            assertThat(JWKSet.parse(jwksAfter).toString()).isEqualTo(JWKSet.parse(jwks).toString());
            assertThat(second.getBean(SigningKeys.class).active().toRSAPrivateKey().getEncoded()).isEqualTo(pkcs8);

            // The token issued before the restart verifies with the JWKS after it (Nimbus) and is accepted by the gateway.
            assertThat(SignedJWT.parse(tokenBeforeRestart).verify(new RSASSAVerifier(publishedAfter))).isTrue();
            Jwt decoded = second.getBean(JwtDecoder.class).decode(tokenBeforeRestart);
            // iss is "sigmatiq", not a URL: read it as a string (Jwt.getIssuer() would throw).
            assertThat(decoded.getClaimAsString("iss")).isEqualTo("sigmatiq");

            // And a token issued after the restart verifies with the JWKS published before it.
            String tokenAfterRestart = http.newUserToken();
            RSAKey publishedBefore = (RSAKey) JWKSet.parse(jwks).getKeys().get(0);
            assertThat(SignedJWT.parse(tokenAfterRestart).verify(new RSASSAVerifier(publishedBefore))).isTrue();
            assertThat(second.getBean(JdbcClient.class).sql("SELECT count(*) FROM signing_key")
                    .query(Long.class).single()).isEqualTo(1L);
        }

        // With another secret the gateway refuses to start rather than silently replacing the key.
        assertThatThrownBy(() -> start(url, "a-different-secret-0123456789").close())
                .satisfies(e -> assertThat(causeMessages(e)).anyMatch(m -> m.contains(
                        "sigmatiq.identity.key-encryption-secret is not the secret it was encrypted with")));
    }

    @Test
    void afterARotationTheJwksHasBothKeysAndTokensOfTheOldKeyKeepWorking() throws Exception {
        try (ConfigurableApplicationContext gateway = start(freshDatabase(), SECRET)) {
            GatewayHttp http = new GatewayHttp(port(gateway));
            SigningKeys keys = gateway.getBean(SigningKeys.class);
            JwtDecoder decoder = gateway.getBean(JwtDecoder.class);
            String before = http.newUserToken();
            String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

            keys.rotate();

            String after = http.newUserToken();
            String newKid = SignedJWT.parse(after).getHeader().getKeyID();
            assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(keys.active().getKeyID());
            List<String> published = JWKSet.parse(http.get("/.well-known/jwks.json").body()).getKeys().stream()
                    .map(JWK::getKeyID).toList();
            assertThat(published).containsExactly(newKid, oldKid);
            assertThat(decoder.decode(before).getSubject()).isNotBlank();
            assertThat(decoder.decode(after).getSubject()).isNotBlank();
            HttpResponse<String> withOldToken = http.send(http.request("/api/unrouted")
                    .header("Authorization", "Bearer " + before).GET().build());
            assertThat(withOldToken.statusCode()).as("past the edge's token check: no route here").isEqualTo(404);
            assertThat(GatewayHttp.json(withOldToken).path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void prodProfileHasNoDefaultSecret() {
        String url = freshDatabase();
        assertThatThrownBy(() -> startWith(url, null, "--spring.profiles.active=prod").close())
                .satisfies(e -> assertThat(causeMessages(e))
                        .anyMatch(m -> m.contains("SIGMATIQ_IDENTITY_KEY_ENCRYPTION_SECRET")));
    }

    private static ConfigurableApplicationContext start(String url, String secret) {
        return startWith(url, secret);
    }

    private static ConfigurableApplicationContext startWith(String url, String secret, String... extraArgs) {
        SigmatiqInfrastructure.Endpoints db = SigmatiqInfrastructure.start();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + db.kafkaBootstrapServers(),
                "--spring.jmx.enabled=false"));
        if (secret != null) {
            args.add("--sigmatiq.identity.key-encryption-secret=" + secret);
        }
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Creates an empty database on the shared PostgreSQL and returns its JDBC URL with {@code currentSchema=identity}. */
    private static String freshDatabase() {
        SigmatiqInfrastructure.Endpoints db = SigmatiqInfrastructure.start();
        String name = "gateway_keys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db.jdbcUrl("identity").replace("/" + SigmatiqInfrastructure.DATABASE + "?", "/" + name + "?");
    }

    private static List<String> causeMessages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
