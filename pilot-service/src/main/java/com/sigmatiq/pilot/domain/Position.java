package com.sigmatiq.pilot.domain;

/** A position from our fills: whole shares, average cost and realized P&L in dollars. */
public record Position(String ticker, long quantity, double averagePrice, double realizedPnl) {
}
