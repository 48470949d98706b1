package com.sigmatiq.pack.web;

/** An upload the controller refuses before the engine sees it (no files, an unreadable part); names its field. */
class InvalidUploadException extends RuntimeException {

    private final String field;

    /** @param field the request field at fault ({@code files}, a part's name), or null when none is */
    InvalidUploadException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
