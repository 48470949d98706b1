package com.sigmatiq.localbroker.domain;

import java.util.List;
import java.util.Optional;

/** Where the broker keeps its orders (schema {@code localbroker}). */
public interface OrderBook {

    /** Stores a new order; false if its ClOrdID is known already (nothing changed). */
    boolean insert(BrokerOrder order);

    /** Stores the order's new state. */
    void update(BrokerOrder order);

    Optional<BrokerOrder> find(String clOrdId);

    /** Every order still open, oldest first. */
    List<BrokerOrder> open();

    /** Every filled order of one client session, oldest first (its positions). */
    List<BrokerOrder> filled(String clientCompId);

    /** The next number for a broker order id. */
    long nextOrderNumber();
}
