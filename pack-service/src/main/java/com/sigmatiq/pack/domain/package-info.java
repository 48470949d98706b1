/**
 * The pack catalogue's rules: a pack version is immutable (same version and same content hash is a
 * no-op, a different file set under an existing version is refused), the latest version is the highest
 * by semantic-version order, and every file set is validated by the engine before it is stored.
 * Storage is behind {@link com.sigmatiq.pack.domain.PackVersionStore}. {@code PackNotFoundException} is the service
 * kit's not-found, answered 404 by the kit.
 */
package com.sigmatiq.pack.domain;
