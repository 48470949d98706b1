package com.sigmatiq.sweep.domain;

import java.util.List;

/** A sweep request that cannot run; every problem names its field. */
public class SweepValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public SweepValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid sweep request" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public SweepValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
