package com.sigmatiq.sweep.domain;

/** model-, pack- or market-data-service cannot be reached or answered unexpectedly. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
