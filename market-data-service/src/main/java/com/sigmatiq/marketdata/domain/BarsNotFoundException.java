package com.sigmatiq.marketdata.domain;

/** No stored series can answer a query (unknown ticker, or no timeframe that builds the one asked). */
public class BarsNotFoundException extends RuntimeException {
    public BarsNotFoundException(String message) {
        super(message);
    }
}
