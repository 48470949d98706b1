package com.sigmatiq.sweep.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.util.List;

/** A sweep request that cannot run; every problem names its field (answered 400 by the service kit). */
public class SweepValidationException extends InvalidRequestException {

    public SweepValidationException(List<FieldError> errors) {
        super("Invalid sweep request", errors);
    }

    public SweepValidationException(FieldError error) {
        this(List.of(error));
    }
}
