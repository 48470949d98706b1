package com.sigmatiq.kit.web.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that cannot be served as written, with every problem found; answered 400 with
 * {@code errors: [{field, message, valid_choices?}]}. Services throw it directly or extend it for their own
 * validation exception (with their own problem title).
 */
public class InvalidRequestException extends TitledException {

    /** The title of a 400 problem when the thrower gives none. */
    public static final String DEFAULT_TITLE = "Invalid request";

    private final transient List<FieldError> errors;

    public InvalidRequestException(String title, List<FieldError> errors) {
        super(title == null ? DEFAULT_TITLE : title,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), null);
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(List<FieldError> errors) {
        this(DEFAULT_TITLE, errors);
    }

    /** One problem with one field. */
    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(FieldError.of(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
