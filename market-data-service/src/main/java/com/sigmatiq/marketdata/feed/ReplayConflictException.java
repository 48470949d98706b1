package com.sigmatiq.marketdata.feed;

/** A replay request that would publish a ticker and timeframe another running replay already publishes. */
public class ReplayConflictException extends RuntimeException {
    public ReplayConflictException(String message) {
        super(message);
    }
}
