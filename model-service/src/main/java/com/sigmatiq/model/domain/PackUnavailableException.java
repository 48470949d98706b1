package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.UnavailableException;

/** pack-service could not be reached or answered with an error that is not the caller's fault. */
public class PackUnavailableException extends UnavailableException {

    public PackUnavailableException(String message, Throwable cause) {
        super("Pack service unavailable", "packs cannot be read right now; try again shortly", message, cause);
    }
}
