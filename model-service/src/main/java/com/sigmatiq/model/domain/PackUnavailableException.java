package com.sigmatiq.model.domain;

/** pack-service could not be reached or answered with an error that is not the caller's fault. */
public class PackUnavailableException extends RuntimeException {

    public PackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
