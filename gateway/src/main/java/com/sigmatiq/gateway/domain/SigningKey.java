package com.sigmatiq.gateway.domain;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * An RSA key pair that signs tokens (RS256).
 *
 * @param kid        key id, the {@code kid} of the JWS header and of the JWKS entry
 * @param publicKey  published in the JWKS
 * @param privateKey kept in memory; stored only encrypted
 * @param createdAt  generation time, UTC
 */
public record SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + "]";
    }
}
