package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.util.List;

/**
 * A request that names things the pack does not have or values out of range; lists every problem found (answered
 * 400 by the service kit, titled "Invalid model request").
 */
public class ModelValidationException extends InvalidRequestException {

    public ModelValidationException(List<FieldError> errors) {
        super("Invalid model request", errors);
    }
}
