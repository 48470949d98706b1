package com.sigmatiq.marketdata.feed;

public class ReplayNotFoundException extends RuntimeException {
    public ReplayNotFoundException(String message) {
        super(message);
    }
}
