package com.sigmatiq.sweep.domain;

/** No such sweep (or combination) for this user: another user's sweep is reported the same way. */
public class SweepNotFoundException extends RuntimeException {

    public SweepNotFoundException(String message) {
        super(message);
    }
}
