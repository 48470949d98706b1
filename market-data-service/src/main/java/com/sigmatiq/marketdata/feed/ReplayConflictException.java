package com.sigmatiq.marketdata.feed;

import com.sigmatiq.kit.web.problem.ConflictException;

/** A replay request that would publish a ticker and timeframe another running replay already publishes. */
public class ReplayConflictException extends ConflictException {
    public ReplayConflictException(String message) {
        super("Conflict", message);
    }
}
