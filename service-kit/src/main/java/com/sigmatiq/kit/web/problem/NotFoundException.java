package com.sigmatiq.kit.web.problem;

/**
 * What the caller asked for does not exist, or not for this caller (another user's model answers the same): 404 with
 * the message as the detail. A service's own not-found exceptions extend it with their title.
 */
public class NotFoundException extends TitledException {

    public NotFoundException(String title, String message) {
        super(title, message, null);
    }
}
