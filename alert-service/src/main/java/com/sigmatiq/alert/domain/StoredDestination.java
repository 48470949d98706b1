package com.sigmatiq.alert.domain;

import java.time.Instant;

/**
 * One row of a user's destinations as stored.
 *
 * @param publicationId    the published model it overrides, or {@code ""} for the user's defaults
 * @param email            null when not set
 * @param pushUrl          null when not set
 * @param pushSecretSealed the webhook secret sealed by {@link SecretSealer}; null when no webhook is set
 */
public record StoredDestination(String publicationId, String email, String pushUrl, byte[] pushSecretSealed,
                                Instant updatedAt) {

    public static final String DEFAULTS = "";
}
