package com.sigmatiq.model.domain;

import java.util.List;

/**
 * One problem with one field of a request.
 *
 * @param field        the field's path in the request, e.g. {@code strategy_id}, {@code selected_indicators[2]},
 *                     {@code parameter_overrides.rsi_perid}
 * @param message      what is wrong and what was expected
 * @param validChoices the accepted values where there is a list, else empty
 */
public record FieldError(String field, String message, List<String> validChoices) {

    public FieldError {
        validChoices = validChoices == null ? List.of() : List.copyOf(validChoices);
    }

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, List.of());
    }
}
