package com.sigmatiq.gateway.domain;

/** Unknown username or wrong password; deliberately does not say which. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("invalid username or password");
    }
}
