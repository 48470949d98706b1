package com.sigmatiq.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where signing keys are kept, the private part encrypted (schema {@code identity}, table {@code signing_key}). */
public interface SigningKeyStore {

    /**
     * Serialises key creation among gateway instances sharing the database, until the surrounding
     * transaction ends.
     */
    void lockForKeyCreation();

    /** The key that signs new tokens, if one was generated before. */
    Optional<SigningKey> findActive();

    /** Stores a new key and makes it the active one; the key it replaces is retired at the new key's creation time. */
    void insertActive(SigningKey key);

    /** The kid of the active key, without decrypting it. */
    Optional<String> activeKid();

    /** The kids of the active key and of the keys retired at or after {@code since}, newest first. */
    List<String> kidsPublishedSince(Instant since);

    /** One key by kid (decrypts it). */
    Optional<SigningKey> find(String kid);
}
