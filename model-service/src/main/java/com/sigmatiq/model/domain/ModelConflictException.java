package com.sigmatiq.model.domain;

/** The request conflicts with the model's current state: a duplicate id or a transition the lifecycle forbids. */
public class ModelConflictException extends RuntimeException {

    public ModelConflictException(String message) {
        super(message);
    }
}
