package com.sigmatiq.engine.pack;

import java.util.List;
import java.util.stream.Collectors;

/** A pack was rejected; {@link #errors()} lists every problem found, in file order. */
public final class PackValidationException extends RuntimeException {

    private final List<PackError> errors;

    public PackValidationException(List<PackError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in pack:\n"
                + errors.stream().map(PackError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<PackError> errors() {
        return errors;
    }
}
