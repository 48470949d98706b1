package com.sigmatiq.gateway.domain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The gateway's signing key, loaded once at start: it signs new tokens and its public part is
 * published in the JWKS. The first start generates a 2048-bit RSA key; every later start
 * (of this or another instance sharing the database) reuses it.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int RSA_BITS = 2048;

    private final RSAKey active;
    private final JWKSet publicJwks;

    private SigningKeys(RSAKey active, JWKSet publicJwks) {
        this.active = active;
        this.publicJwks = publicJwks;
    }

    /** Loads the active key, generating and storing one (under a database lock) if none exists. */
    public static SigningKeys loadOrCreate(SigningKeyStore store, TransactionOperations tx, Clock clock) {
        SigningKey activeKey = tx.execute(status -> {
            store.lockForKeyCreation();
            return store.findActive().orElseGet(() -> {
                SigningKey created = generate(clock);
                store.insertActive(created);
                log.info("Generated RSA signing key kid={} (stored encrypted in identity.signing_key)",
                        created.kid());
                return created;
            });
        });
        RSAKey jwk = toJwk(activeKey);
        log.info("Signing tokens with kid={}", activeKey.kid());
        // Only the active key is published: rotation (publishing retired keys until their tokens
        // expire) is not implemented yet; the table already allows several keys.
        return new SigningKeys(jwk, new JWKSet(jwk.toPublicJWK()));
    }

    /** The key pair that signs tokens, with its kid. */
    public RSAKey active() {
        return active;
    }

    /** Public keys only, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwks() {
        return publicJwks;
    }

    static SigningKey generate(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            String kid = new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
            return new SigningKey(kid, publicKey, (RSAPrivateKey) pair.getPrivate(), clock.instant());
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey toJwk(SigningKey key) {
        return new RSAKey.Builder(key.publicKey())
                .privateKey(key.privateKey())
                .keyID(key.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }
}
