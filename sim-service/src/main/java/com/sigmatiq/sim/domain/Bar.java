package com.sigmatiq.sim.domain;

/** One closed bar of a feed: start (epoch ms UTC) and prices. */
public record Bar(long time, double open, double high, double low, double close, double volume) {
}
