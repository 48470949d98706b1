package com.sigmatiq.kit.web.json;

import tools.jackson.core.JsonParser;

/**
 * A string or object key of a request body holds the NUL character ({@code \u0000}), which PostgreSQL cannot store
 * in text or JSON.
 */
public final class NulCharacterException extends StrictJsonException {

    private static final long serialVersionUID = 1L;

    NulCharacterException(JsonParser p, String field) {
        super(p, field, "must not contain the NUL character (\\u0000)");
    }
}
