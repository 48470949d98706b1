package com.sigmatiq.pack.domain;

import java.util.List;
import java.util.Optional;

/** Where pack versions are kept. Implementations must make {@link #insertIfAbsent} atomic per pack. */
public interface PackVersionStore {

    /** Every pack, ordered by id, described by its latest version. */
    List<PackSummary> packs();

    boolean exists(String packId);

    Optional<String> latestVersion(String packId);

    /** The versions of a pack, newest first by {@link VersionOrder}; empty for an unknown pack. */
    List<PackVersionSummary> versions(String packId);

    Optional<PackVersion> version(String packId, String version);

    /**
     * Stores {@code candidate} unless its pack already has that version. Creates the pack on its first
     * version and moves the pack's latest version (and name) forward when {@code candidate} is higher
     * by {@link VersionOrder}. Concurrent calls for the same pack are serialised.
     *
     * @return the content hash already stored under that version, or empty when {@code candidate} was stored
     */
    Optional<String> insertIfAbsent(PackVersion candidate);
}
