package com.sigmatiq.kit.web.problem;

/**
 * The request contradicts what is stored (an id already taken, a move the lifecycle forbids, a replay already
 * running): 409 with the message as the detail.
 */
public class ConflictException extends RuntimeException {

    private final String title;

    public ConflictException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
