package com.sigmatiq.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TokenIssuerTest {

    @Test
    void issuesAnRs256TokenWithTheAgreedClaims() throws Exception {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        SigningKey key = SigningKeys.generate(clock);
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.kid()).build();
        TokenIssuer issuer = new TokenIssuer(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))),
                "sigmatiq", Duration.ofHours(1), key.kid(), clock, List.of("ops"));
        UserAccount alice = new UserAccount(UUID.randomUUID(), "alice", "$2a$hash", now);

        IssuedToken token = issuer.issue(alice);

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.kid());
        assertThat(jwt.verify(new RSASSAVerifier(key.publicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("sigmatiq");
        assertThat(claims.getSubject()).isEqualTo(alice.id().toString());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("user");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(now));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(now.plusSeconds(3600)));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(token.lifetimeSeconds()).isEqualTo(3600);
        assertThat(token.expiresAt()).isEqualTo(now.plusSeconds(3600));
    }

    @Test
    void theConfiguredOperatorsAreOperatorsAsWell() {
        SigningKey key = SigningKeys.generate(Clock.systemUTC());
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.kid()).build();
        TokenIssuer issuer = new TokenIssuer(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))),
                "sigmatiq", Duration.ofHours(1), key.kid(), Clock.systemUTC(), List.of("ops"));
        Instant now = Instant.now();
        assertThat(issuer.roles(new UserAccount(UUID.randomUUID(), "ops", "$2a$hash", now))).containsExactly("user", "operator");
        assertThat(issuer.roles(new UserAccount(UUID.randomUUID(), "opsx", "$2a$hash", now))).containsExactly("user");
    }

    @Test
    void keyIdIsTheRfc7638Thumbprint() throws Exception {
        SigningKey key = SigningKeys.generate(Clock.systemUTC());
        assertThat(key.kid()).isEqualTo(new RSAKey.Builder(key.publicKey()).build().computeThumbprint().toString());
        assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
    }
}
