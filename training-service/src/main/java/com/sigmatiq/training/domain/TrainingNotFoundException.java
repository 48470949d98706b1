package com.sigmatiq.training.domain;

import com.sigmatiq.kit.web.problem.NotFoundException;

/** No such job, result, trained model or artifact for this user: another user's is reported the same way. */
public class TrainingNotFoundException extends NotFoundException {

    public TrainingNotFoundException(String message) {
        super("Not found", message);
    }
}
