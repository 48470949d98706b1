package com.sigmatiq.pack.domain;

import java.time.Instant;

/**
 * A stored pack version without its files.
 *
 * @param contentHash SHA-256 (hex) of the file set, {@code PackLoader.contentHash}
 * @param uploadedBy  the uploader's user id (token subject), or null for a pack bundled in {@code packs/}
 * @param createdAt   when this version was first stored (UTC)
 */
public record PackVersionSummary(String packId, String version, String contentHash, String uploadedBy, Instant createdAt) {
}
