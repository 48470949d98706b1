package com.sigmatiq.marketdata.domain;

import com.sigmatiq.kit.web.problem.NotFoundException;

/** No stored series can answer a query (unknown ticker, or no timeframe that builds the one asked). */
public class BarsNotFoundException extends NotFoundException {
    public BarsNotFoundException(String message) {
        super("Not found", message);
    }
}
