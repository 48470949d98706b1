package com.sigmatiq.gateway.domain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The gateway's signing keys: the active key signs new tokens; it and the keys retired less than {@code overlap} ago
 * (the token lifetime plus clock skew) are published in the JWKS and verify tokens, so tokens of a replaced key keep
 * working until they expire. The first start generates a 2048-bit RSA key; every later start (of this or another
 * instance sharing the database) reuses it. {@link #rotate()} replaces it; {@link #refresh()} picks up a rotation
 * another instance made. Decrypted keys are kept by kid, so a refresh decrypts only new keys.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int RSA_BITS = 2048;

    private final SigningKeyStore store;
    private final TransactionOperations tx;
    private final Clock clock;
    private final Duration overlap;
    private final Map<String, SigningKey> decrypted = new ConcurrentHashMap<>();
    private volatile State state;

    /** What is published now: the signing key and every verifying key's public part. */
    private record State(SigningKey activeKey, RSAKey active, JWKSet publicJwks) {
    }

    private SigningKeys(SigningKeyStore store, TransactionOperations tx, Clock clock, Duration overlap) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.overlap = overlap;
    }

    /** Loads the active key, generating and storing one (under a database lock) if none exists. */
    public static SigningKeys loadOrCreate(SigningKeyStore store, TransactionOperations tx, Clock clock) {
        return loadOrCreate(store, tx, clock, Duration.ofHours(1));
    }

    /**
     * @param overlap how long a retired key stays published: at least the token lifetime (plus clock skew)
     */
    public static SigningKeys loadOrCreate(SigningKeyStore store, TransactionOperations tx, Clock clock,
                                           Duration overlap) {
        SigningKeys keys = new SigningKeys(store, tx, clock, overlap);
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
        keys.decrypted.put(activeKey.kid(), activeKey);
        keys.refresh();
        log.info("Signing tokens with kid={}", keys.active().getKeyID());
        return keys;
    }

    /** The key pair that signs tokens, with its kid. */
    public RSAKey active() {
        return state.active();
    }

    /** When the active key was generated. */
    public Instant activeSince() {
        return state.activeKey().createdAt();
    }

    /** Public keys only, as served at {@code /.well-known/jwks.json}: the active key first. */
    public JWKSet publicJwks() {
        return state.publicJwks();
    }

    /** Re-reads which keys are active and published (another instance may have rotated). */
    public synchronized void refresh() {
        Instant since = clock.instant().minus(overlap);
        List<String> kids = store.kidsPublishedSince(since);
        String activeKid = store.activeKid().orElseThrow(() -> new IllegalStateException("no active signing key"));
        List<JWK> published = new ArrayList<>();
        SigningKey activeKey = null;
        for (String kid : kids) {
            SigningKey key = decrypted.computeIfAbsent(kid, k -> store.find(k)
                    .orElseThrow(() -> new IllegalStateException("signing key " + k + " vanished")));
            if (kid.equals(activeKid)) {
                activeKey = key;
            }
            published.add(toJwk(key).toPublicJWK());
        }
        decrypted.keySet().retainAll(kids);
        if (activeKey == null) {
            throw new IllegalStateException("active signing key " + activeKid + " not among the published keys");
        }
        State previous = state;
        state = new State(activeKey, toJwk(activeKey), new JWKSet(published));
        if (previous != null && !previous.activeKey().kid().equals(activeKid)) {
            log.info("Signing tokens with kid={} (rotated); verifying with {}", activeKid, kids);
        }
    }

    /** Generates a new active key; the old one keeps verifying for {@code overlap}. Serialised across instances. */
    public synchronized void rotate() {
        SigningKey created = generate(clock);
        tx.executeWithoutResult(status -> {
            store.lockForKeyCreation();
            store.insertActive(created);
        });
        decrypted.put(created.kid(), created);
        log.info("Rotated the signing key: new kid={}", created.kid());
        refresh();
    }

    /**
     * Rotates when the active key (as the database has it) is older than {@code period}; another instance that
     * rotated first wins (checked under the creation lock). Otherwise refreshes.
     */
    public synchronized void rotateIfOlderThan(Duration period) {
        Instant due = clock.instant().minus(period);
        boolean rotated = Boolean.TRUE.equals(tx.execute(status -> {
            store.lockForKeyCreation();
            SigningKey current = store.activeKid().map(kid -> decrypted.computeIfAbsent(kid,
                    k -> store.find(k).orElseThrow())).orElseThrow();
            if (current.createdAt().isAfter(due)) {
                return false;
            }
            SigningKey created = generate(clock);
            store.insertActive(created);
            decrypted.put(created.kid(), created);
            log.info("Rotated the signing key (older than {}): new kid={}", period, created.kid());
            return true;
        }));
        refresh();
        if (!rotated) {
            log.debug("signing key kid={} not due for rotation", active().getKeyID());
        }
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
