package com.sigmatiq.training.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.util.List;

/** A training request that cannot run; every problem names its field (answered 400 by the service kit). */
public class TrainingValidationException extends InvalidRequestException {

    public TrainingValidationException(List<FieldError> errors) {
        super("Invalid training request", errors);
    }

    public TrainingValidationException(FieldError error) {
        this(List.of(error));
    }
}
