package com.sigmatiq.alert.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a row is tried again: after its n-th failed try, {@code base · 2^(n − 1)} (1 s, 2 s, 4 s, … with the default
 * base), capped at {@code cap}, drawn uniformly within ±{@code jitter}; a receiver's longer {@code Retry-After} wins.
 */
public final class RetryPolicy {

    private final Duration base;
    private final Duration cap;
    private final double jitter;
    private final DoubleSupplier random;

    public RetryPolicy(Duration base, Duration cap, double jitter) {
        this(base, cap, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1) */
    public RetryPolicy(Duration base, Duration cap, double jitter, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("back-off needs 0 < base <= cap and 0 <= jitter < 1");
        }
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay after the {@code attempts}-th failed try (1 = the first). */
    public Duration delay(int attempts, Duration retryAfter) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        double ms = Math.min((double) base.toMillis() * (1L << exponent), cap.toMillis());
        ms = Math.min(ms * (1 + jitter * (2 * random.getAsDouble() - 1)), cap.toMillis());
        Duration d = Duration.ofMillis(Math.round(ms));
        return retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
    }

    public Instant next(int attempts, Duration retryAfter, Instant now) {
        return now.plus(delay(attempts, retryAfter));
    }
}
