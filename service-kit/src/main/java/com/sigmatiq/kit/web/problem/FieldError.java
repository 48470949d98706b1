package com.sigmatiq.kit.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One problem with one field of a request, an entry of a problem's {@code errors} member:
 * {@code {"field": "date_range.start", "message": "...", "valid_choices": [...]}}.
 *
 * @param field        the field's path as the client wrote it: {@code model_id}, {@code tickers[1]},
 *                     {@code parameter_overrides.rsi_period}; a query parameter's or form field's name
 * @param message      what is wrong and what was expected
 * @param validChoices the accepted values where there is a closed list, else empty (and left out of the JSON)
 */
public record FieldError(String field, String message,
                         @JsonProperty("valid_choices") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> validChoices) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        validChoices = validChoices == null ? List.of() : List.copyOf(validChoices);
    }

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, List.of());
    }
}
