package com.sigmatiq.alert.domain;

import java.time.Duration;

/**
 * What one try of a sender gave.
 *
 * @param error      a short reason (status and body start, exception); null when sent
 * @param retryAfter the receiver's {@code Retry-After}, or null
 */
public record SendResult(Outcome outcome, String error, Duration retryAfter) {

    public enum Outcome {
        /** Delivered (2xx, broker acknowledged, SMTP accepted). */
        SENT,
        /** Worth trying again (5xx, 408, 429, time-out, connection error). */
        RETRY,
        /** Will never succeed as it is (any other 4xx). */
        FAILED
    }

    public static SendResult sent() {
        return new SendResult(Outcome.SENT, null, null);
    }

    public static SendResult retry(String error, Duration retryAfter) {
        return new SendResult(Outcome.RETRY, error, retryAfter);
    }

    public static SendResult failed(String error) {
        return new SendResult(Outcome.FAILED, error, null);
    }
}
