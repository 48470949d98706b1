package com.sigmatiq.model.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A request that names things the pack does not have or values out of range; lists every problem found. */
public class ModelValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ModelValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
