package com.sigmatiq.sweep.domain;

import com.sigmatiq.kit.web.problem.ConflictException;

/** A request the sweep's state forbids (e.g. cancelling a completed sweep). */
public class SweepConflictException extends ConflictException {

    public SweepConflictException(String message) {
        super("Conflict", message);
    }
}
