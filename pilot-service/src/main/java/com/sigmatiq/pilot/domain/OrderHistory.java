package com.sigmatiq.pilot.domain;

import java.time.Instant;

/** One step of an order's life: the state it reached, what moved it ({@code stored}, {@code sent}, a report kind), detail. */
public record OrderHistory(String state, String kind, String detail, Instant at) {
}
