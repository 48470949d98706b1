package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.ConflictException;

/** The request conflicts with the model's current state: a duplicate id or a transition the lifecycle forbids. */
public class ModelConflictException extends ConflictException {

    public ModelConflictException(String message) {
        super("Conflict", message);
    }
}
