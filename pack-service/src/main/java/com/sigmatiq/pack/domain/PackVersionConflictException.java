package com.sigmatiq.pack.domain;

/** A different file set was offered under a pack version that is already stored; versions are immutable. */
public final class PackVersionConflictException extends RuntimeException {

    private final String packId;
    private final String version;
    private final String storedHash;
    private final String offeredHash;

    public PackVersionConflictException(String packId, String version, String storedHash, String offeredHash) {
        super("pack '" + packId + "' version " + version + " is already stored with other content (stored hash "
                + storedHash + ", offered " + offeredHash + "); a pack version is immutable: raise pack.version in pack.yaml");
        this.packId = packId;
        this.version = version;
        this.storedHash = storedHash;
        this.offeredHash = offeredHash;
    }

    public String packId() {
        return packId;
    }

    public String version() {
        return version;
    }

    public String storedHash() {
        return storedHash;
    }

    public String offeredHash() {
        return offeredHash;
    }
}
