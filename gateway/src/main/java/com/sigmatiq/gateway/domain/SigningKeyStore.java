package com.sigmatiq.gateway.domain;

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

    /** Stores a new key and makes it the active one. */
    void insertActive(SigningKey key);
}
