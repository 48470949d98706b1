package com.sigmatiq.pilot.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A live order's states (DESIGN §7, docs/live.md). {@code pending_new}: stored, not yet handed to the broker;
 * {@code sent}: handed over, no acknowledgement yet; then what the broker reports.
 */
public enum OrderState {
    PENDING_NEW, SENT, ACKNOWLEDGED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED;

    /** No further change can come from the broker. */
    public boolean terminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** The states this one may move to; a report that would move elsewhere is recorded but does not change the state. */
    public Set<OrderState> next() {
        return switch (this) {
            case PENDING_NEW -> EnumSet.of(SENT, ACKNOWLEDGED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED);
            case SENT -> EnumSet.of(ACKNOWLEDGED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, EXPIRED);
            case ACKNOWLEDGED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED);
            case PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED);
            case FILLED, CANCELLED, REJECTED, EXPIRED -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean canMoveTo(OrderState to) {
        return next().contains(to);
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
