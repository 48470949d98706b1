package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.UnavailableException;

/** training-service could not be reached or answered with an error that is not the caller's fault (503). */
public class TrainingUnavailableException extends UnavailableException {

    public TrainingUnavailableException(String message, Throwable cause) {
        super("Training service unavailable", "trained models cannot be read right now; try again shortly", message, cause);
    }
}
