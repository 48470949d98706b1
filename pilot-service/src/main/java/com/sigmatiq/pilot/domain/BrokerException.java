package com.sigmatiq.pilot.domain;

/** A broker could not be reached or did not answer; its message never contains a credential. */
public class BrokerException extends Exception {

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
