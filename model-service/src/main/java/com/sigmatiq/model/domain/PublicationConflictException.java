package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.ConflictException;

/** A lifecycle move the publication's status forbids, or a second publication of a trained model (409). */
public class PublicationConflictException extends ConflictException {

    public PublicationConflictException(String message) {
        super("Conflict", message);
    }
}
