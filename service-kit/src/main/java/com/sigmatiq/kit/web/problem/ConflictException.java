package com.sigmatiq.kit.web.problem;

/**
 * The request contradicts what is stored (an id already taken, a move the lifecycle forbids, a replay already
 * running): 409 with the message as the detail.
 */
public class ConflictException extends TitledException {

    public ConflictException(String title, String message) {
        super(title, message, null);
    }
}
