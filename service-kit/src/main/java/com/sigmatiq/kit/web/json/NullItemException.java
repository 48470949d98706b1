package com.sigmatiq.kit.web.json;

import tools.jackson.core.JsonParser;

/**
 * {@code null} as an item of a list or a value of an object inside an untyped value ({@code Map<String, Object>},
 * {@code Object}, a JSON tree); typed lists and maps refuse it through Jackson's content-null setting.
 */
public final class NullItemException extends StrictJsonException {

    private static final long serialVersionUID = 1L;

    NullItemException(JsonParser p, String field) {
        super(p, field, "must not be null");
    }
}
