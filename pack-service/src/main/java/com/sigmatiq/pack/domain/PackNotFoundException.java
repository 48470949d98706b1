package com.sigmatiq.pack.domain;

/** No such pack, pack version, or file in a pack version. */
public final class PackNotFoundException extends RuntimeException {

    public PackNotFoundException(String message) {
        super(message);
    }

    static PackNotFoundException pack(String packId) {
        return new PackNotFoundException("no pack '" + packId + "'");
    }

    static PackNotFoundException version(String packId, String version) {
        return new PackNotFoundException("pack '" + packId + "' has no version '" + version + "'");
    }
}
