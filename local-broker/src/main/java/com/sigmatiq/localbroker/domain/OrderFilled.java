package com.sigmatiq.localbroker.domain;

/** Published (in the filling thread) when a bar fills an order; the FIX side reports it to the client. */
public record OrderFilled(BrokerOrder order) {
}
