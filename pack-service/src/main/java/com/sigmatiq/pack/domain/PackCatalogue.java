package com.sigmatiq.pack.domain;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.pack.PackValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The pack catalogue: registers validated file sets as immutable versions and reads them back.
 * Packs are shared: nothing here is filtered by user.
 */
@Service
public class PackCatalogue {

    /** What {@link #register} did. */
    public enum Outcome {
        /** A new version was stored. */
        CREATED,
        /** The same version with the same content hash was already stored; nothing changed. */
        UNCHANGED
    }

    /** The result of a registration: what happened, the stored version and the loaded pack. */
    public record Registration(Outcome outcome, PackVersion version, Pack pack) {
    }

    private final PackVersionStore store;
    private final Clock clock;

    public PackCatalogue(PackVersionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Validates {@code files} with the engine and stores them as a version of the pack they declare.
     *
     * @param uploadedBy the uploader's user id, or null for a bundled pack
     * @throws PackValidationException       when the engine rejects the files (every error, with file, line, column)
     * @throws PackVersionConflictException when that version is stored with other content
     */
    public Registration register(Map<String, String> files, String uploadedBy) {
        Pack pack = PackLoader.load(files);
        PackVersion candidate = new PackVersion(pack.id(), pack.version(), pack.contentHash(), files,
                PackMetadata.of(pack), uploadedBy, clock.instant());
        var stored = store.insertIfAbsent(candidate);
        if (stored.isEmpty()) {
            return new Registration(Outcome.CREATED, candidate, pack);
        }
        if (!stored.get().equals(candidate.contentHash())) {
            throw new PackVersionConflictException(pack.id(), pack.version(), stored.get(), candidate.contentHash());
        }
        return new Registration(Outcome.UNCHANGED, version(pack.id(), pack.version()), pack);
    }

    public List<PackSummary> packs() {
        return store.packs();
    }

    public PackVersion latest(String packId) {
        String latest = store.latestVersion(packId).orElseThrow(() -> PackNotFoundException.pack(packId));
        return version(packId, latest);
    }

    public List<PackVersionSummary> versions(String packId) {
        List<PackVersionSummary> versions = store.versions(packId);
        if (versions.isEmpty()) {
            throw PackNotFoundException.pack(packId);
        }
        return versions;
    }

    public PackVersion version(String packId, String version) {
        return store.version(packId, version).orElseThrow(() -> store.exists(packId)
                ? PackNotFoundException.version(packId, version) : PackNotFoundException.pack(packId));
    }

    /** The raw text of one file of a version. */
    public String file(String packId, String version, String fileName) {
        String text = version(packId, version).files().get(fileName);
        if (text == null) {
            throw new PackNotFoundException("pack '" + packId + "' version " + version + " has no file '" + fileName
                    + "'; its files are " + String.join(", ", PackLoader.FILES));
        }
        return text;
    }

    /** The engine's pack for a stored version (stored files were valid when stored). */
    public Pack load(PackVersion version) {
        Pack pack = PackLoader.load(version.files());
        if (!Objects.equals(pack.contentHash(), version.contentHash())) {
            throw new IllegalStateException("stored pack " + version.packId() + " " + version.version() + " does not match its hash");
        }
        return pack;
    }
}
