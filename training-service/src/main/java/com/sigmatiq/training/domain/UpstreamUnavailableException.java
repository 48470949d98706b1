package com.sigmatiq.training.domain;

import com.sigmatiq.kit.web.problem.UnavailableException;

/** model-, pack-, market-data- or sweep-service cannot be reached or answered unexpectedly. */
public class UpstreamUnavailableException extends UnavailableException {

    public UpstreamUnavailableException(String message, Throwable cause) {
        super("Upstream service unavailable", "models, sweeps, packs or bars cannot be read right now; try again shortly",
                message, cause);
    }
}
