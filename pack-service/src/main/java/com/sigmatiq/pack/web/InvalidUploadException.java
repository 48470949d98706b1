package com.sigmatiq.pack.web;

/** An upload request whose shape is wrong before the engine sees it (no files at all, unreadable part). */
class InvalidUploadException extends RuntimeException {

    InvalidUploadException(String message) {
        super(message);
    }
}
