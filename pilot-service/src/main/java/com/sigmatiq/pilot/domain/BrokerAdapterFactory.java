package com.sigmatiq.pilot.domain;

import java.util.Map;

/** Opens the adapter of one broker kind for an account; one bean per protocol. */
public interface BrokerAdapterFactory {

    Broker broker();

    /** An adapter for {@code account}, not yet connected; {@code credentials} are the opened ones, never to be logged. */
    BrokerAdapter open(LiveAccount account, Map<String, String> credentials, BrokerEvents events);
}
