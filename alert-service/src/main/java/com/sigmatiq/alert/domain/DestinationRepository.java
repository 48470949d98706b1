package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users' destinations: defaults (publication id {@code ""}) and overrides per published model, owner-scoped. */
public interface DestinationRepository {

    /** Creates or replaces the row of (owner, publication id). */
    void save(String ownerId, String publicationId, String email, String pushUrl, byte[] pushSecretSealed, Instant now);

    Optional<StoredDestination> find(String ownerId, String publicationId);

    /** The owner's rows, defaults first, then overrides by publication id. */
    List<StoredDestination> list(String ownerId);
}
