package com.sigmatiq.sweep.domain;

import java.util.List;

/** One problem with a request field; {@code validChoices} is empty when there is no closed list. */
public record FieldError(String field, String message, List<String> validChoices) {

    public FieldError {
        validChoices = validChoices == null ? List.of() : List.copyOf(validChoices);
    }

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, List.of());
    }
}
