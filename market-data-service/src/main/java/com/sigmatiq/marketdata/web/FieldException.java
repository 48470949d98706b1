package com.sigmatiq.marketdata.web;

/** A request parameter that cannot be used; answered 400 with {@code errors: [{field, message}]}. */
class FieldException extends RuntimeException {

    private final String field;

    FieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
