package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.util.List;

/** A publish request with bad fields, listing every problem found (400, titled "Invalid publish request"). */
public class PublishValidationException extends InvalidRequestException {

    public PublishValidationException(List<FieldError> errors) {
        super("Invalid publish request", errors);
    }
}
