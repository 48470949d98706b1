package com.sigmatiq.gateway.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered user.
 *
 * @param id           the user id, the {@code sub} claim of the user's tokens and the {@code owner_id} of their resources
 * @param username     unique, lower case, 3 to 40 of {@code [a-z0-9_.-]}
 * @param passwordHash BCrypt hash; never leaves the gateway
 * @param createdAt    registration time, UTC
 */
public record UserAccount(UUID id, String username, String passwordHash, Instant createdAt) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + "]";
    }
}
