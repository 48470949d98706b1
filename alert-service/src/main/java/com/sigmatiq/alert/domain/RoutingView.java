package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.List;

/** The seed's 7.2 {@code routing}: one entry per destination with its delivery status. */
public record RoutingView(List<Destination> destinations) {

    /**
     * @param service   {@code sigma_sim}, {@code user_email}, {@code mobile_push}, {@code sigma_pilot}
     * @param status    {@code pending}, {@code sent}, {@code retrying}, {@code failed}, {@code expired}
     * @param timestamp when it was sent (or last changed)
     */
    public record Destination(String service, String status, int attempts, Instant timestamp, Instant nextAttemptAt,
                              String lastError) {
    }
}
