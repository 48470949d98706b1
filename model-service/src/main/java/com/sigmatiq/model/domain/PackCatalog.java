package com.sigmatiq.model.domain;

import com.sigmatiq.engine.pack.Pack;
import java.util.List;
import java.util.Optional;

/** Where packs come from (pack-service); the caller's identity travels with the request. */
public interface PackCatalog {

    /** Ids of the packs the caller can use (for "valid choices" in errors); empty if they cannot be listed. */
    List<String> packIds();

    /** The latest version of a pack, or empty if there is no such pack (for this caller). */
    Optional<String> latestVersion(String packId);

    /**
     * One version of a pack, loaded and validated by the engine, or empty if there is no such pack or version.
     *
     * @throws PackUnavailableException when pack-service cannot answer
     */
    Optional<Pack> pack(String packId, String version);
}
