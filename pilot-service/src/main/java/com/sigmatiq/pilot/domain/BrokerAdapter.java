package com.sigmatiq.pilot.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One live account's connection to its broker, whatever the protocol. Reports (acknowledgements, fills, cancels,
 * rejects, status answers) arrive through the {@link BrokerEvents} the adapter was opened with, possibly more than once;
 * the caller counts a fill once by its execution id.
 */
public interface BrokerAdapter extends AutoCloseable {

    /** Starts connecting (and keeps reconnecting) in the background. */
    void connect();

    boolean connected();

    /**
     * Hands a new order to the broker. Returning means it may have reached the broker. Throws {@link BrokerException}
     * when that is not confirmed (not connected, no answer); the order then stays {@code pending_new}, and it is looked
     * up by its client order id before it is ever sent again. An outright refusal by the broker is a rejected report.
     */
    void send(OrderTicket ticket) throws BrokerException;

    /** Asks the broker to cancel an order; the outcome arrives as a report. */
    void cancel(OrderTicket ticket) throws BrokerException;

    /**
     * The broker's view of one order by its client order id, waiting at most {@code timeout}: empty if the broker does
     * not know it. Throws {@link BrokerException} when the broker cannot be asked or does not answer in time.
     */
    Optional<ExecutionUpdate> lookup(OrderTicket ticket, Duration timeout) throws BrokerException;

    /** The broker's positions, for reconciliation; throws when they cannot be had. */
    default List<BrokerPosition> positions(Duration timeout) throws BrokerException {
        throw new BrokerException("this broker adapter does not report positions");
    }

    /** Every order the broker holds open for the account, ours or not, for reconciliation; throws when it cannot be had. */
    default List<ExecutionUpdate> openOrders(Duration timeout) throws BrokerException {
        throw new BrokerException("this broker adapter does not list open orders");
    }

    @Override
    void close();
}
