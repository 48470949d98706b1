package com.sigmatiq.gateway.domain;

/** Registration with a username that already exists. */
public class UsernameTakenException extends RuntimeException {

    private final String username;

    public UsernameTakenException(String username) {
        super("username '" + username + "' is already taken");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
