package com.sigmatiq.pilot.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The brokers a live account can be at, by their API name. */
public enum Broker {
    FIX("fix"),
    ALPACA("alpaca"),
    INTERACTIVE_BROKERS("interactive_brokers");

    private final String apiName;

    Broker(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Broker> of(String apiName) {
        return Arrays.stream(values()).filter(b -> b.apiName.equals(apiName)).findFirst();
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(Broker::apiName).toList();
    }
}
