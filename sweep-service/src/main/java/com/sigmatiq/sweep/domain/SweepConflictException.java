package com.sigmatiq.sweep.domain;

/** A request the sweep's state forbids (e.g. cancelling a completed sweep). */
public class SweepConflictException extends RuntimeException {

    public SweepConflictException(String message) {
        super(message);
    }
}
