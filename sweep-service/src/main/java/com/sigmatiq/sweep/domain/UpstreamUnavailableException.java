package com.sigmatiq.sweep.domain;

import com.sigmatiq.kit.web.problem.UnavailableException;

/** model-, pack- or market-data-service cannot be reached or answered unexpectedly. */
public class UpstreamUnavailableException extends UnavailableException {

    public UpstreamUnavailableException(String message, Throwable cause) {
        super("Upstream service unavailable", "models, packs or bars cannot be read right now; try again shortly", message,
                cause);
    }
}
