package com.sigmatiq.alert.domain;

/** One closed bar: start (epoch ms UTC) and prices. */
public record Bar(long time, double open, double high, double low, double close, double volume) {
}
