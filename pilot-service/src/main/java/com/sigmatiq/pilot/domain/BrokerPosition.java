package com.sigmatiq.pilot.domain;

/** A position as the broker reports it: signed whole shares and the average cost in dollars. */
public record BrokerPosition(String ticker, long quantity, double averagePrice) {
}
