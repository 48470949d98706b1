package com.sigmatiq.kit.web.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A string or object key of a request body holds the NUL character ({@code \u0000}), which PostgreSQL cannot store
 * in text or JSON; refused while reading, before anything is stored.
 */
public final class NulCharacterException extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    private final String field;

    NulCharacterException(JsonParser p, String field, String value) {
        super(p, "NUL character (\\u0000) in " + (field.isEmpty() ? "the body" : field), value, String.class);
        this.field = field;
    }

    /** Where the NUL is, as the client wrote it: {@code tag}, {@code tickers[1]}, {@code parameters.x}. */
    public String field() {
        return field;
    }
}
