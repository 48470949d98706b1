package com.sigmatiq.pilot.domain;

/** Where an adapter delivers what its broker reports, on the adapter's own threads. */
public interface BrokerEvents {

    void execution(String accountId, ExecutionUpdate update);

    /** {@code connected}, {@code disconnected} or {@code connecting}. */
    void connectionState(String accountId, String state);
}
