package com.sigmatiq.pack.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored, immutable pack version: the exact files that were validated, keyed by file name
 * ({@code pack.yaml}, ...), and the metadata extracted from them.
 *
 * @param uploadedBy the uploader's user id (token subject), or null for a pack bundled in {@code packs/}
 */
public record PackVersion(String packId, String version, String contentHash, Map<String, String> files,
                          PackMetadata metadata, String uploadedBy, Instant createdAt) {

    public PackVersion {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public PackVersionSummary summary() {
        return new PackVersionSummary(packId, version, contentHash, uploadedBy, createdAt);
    }
}
