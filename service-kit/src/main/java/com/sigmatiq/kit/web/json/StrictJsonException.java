package com.sigmatiq.kit.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body refused by {@link StrictJsonModule} while it is read, before anything is stored: it names the JSON
 * path of the offending value and says what is wrong with it.
 */
public abstract class StrictJsonException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    StrictJsonException(JsonParser p, String field, String problem) {
        super(p, (field.isEmpty() ? "the body" : field) + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** Where, as the client wrote it: {@code tag}, {@code tickers[1]}, {@code parameters.x[0]}. */
    public String field() {
        return field;
    }

    /** What is wrong, e.g. {@code must not be null}. */
    public String problem() {
        return problem;
    }
}
