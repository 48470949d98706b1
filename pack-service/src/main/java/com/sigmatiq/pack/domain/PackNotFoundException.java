package com.sigmatiq.pack.domain;

import com.sigmatiq.kit.web.problem.NotFoundException;

/** No such pack, pack version, or file in a pack version. */
public final class PackNotFoundException extends NotFoundException {

    public PackNotFoundException(String message) {
        super("Not found", message);
    }

    static PackNotFoundException pack(String packId) {
        return new PackNotFoundException("no pack '" + packId + "'");
    }

    static PackNotFoundException version(String packId, String version) {
        return new PackNotFoundException("pack '" + packId + "' has no version '" + version + "'");
    }
}
