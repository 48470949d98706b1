package com.sigmatiq.gateway.domain;

import java.util.Optional;

/** Where user accounts are kept (schema {@code identity}, table {@code users}). */
public interface UserStore {

    /** @throws UsernameTakenException when the username already exists */
    void insert(UserAccount account);

    Optional<UserAccount> findByUsername(String username);
}
