package com.sigmatiq.pilot.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open broker adapter per account, opened on first use (or at start for approved accounts), closed at shutdown. */
public class BrokerConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerConnections.class);

    private final Map<Broker, BrokerAdapterFactory> factories;
    private final PilotStore accounts;
    private final Accounts credentials;
    private final Map<String, BrokerAdapter> open = new ConcurrentHashMap<>();
    private volatile BrokerEvents events;

    public BrokerConnections(List<BrokerAdapterFactory> factories, PilotStore accounts, Accounts credentials) {
        this.factories = factories.stream().collect(Collectors.toMap(BrokerAdapterFactory::broker, Function.identity()));
        this.accounts = accounts;
        this.credentials = credentials;
    }

    /** Where every adapter reports; set once before the first adapter opens. */
    public void events(BrokerEvents events) {
        this.events = events;
    }

    /** The account's adapter, opened and connecting; waits at most {@code wait} for the connection. */
    public BrokerAdapter adapter(LiveAccount account, Duration wait) {
        BrokerAdapter a = open.computeIfAbsent(account.id(), id -> {
            BrokerAdapterFactory f = factories.get(account.broker());
            if (f == null) {
                throw new IllegalStateException("no adapter for broker " + account.broker().apiName());
            }
            BrokerAdapter adapter = f.open(account, credentials.credentials(account.id()), events);
            adapter.connect();
            log.info("account {}: {} connection opened", account.id(), account.broker().apiName());
            return adapter;
        });
        long deadline = System.nanoTime() + wait.toNanos();
        while (!a.connected() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return a;
    }

    /** Opens the connection of an account if it has none. */
    public void ensureOpen(String accountId) {
        accounts.account(accountId).ifPresent(a -> adapter(a, Duration.ZERO));
    }

    public boolean isOpen(String accountId) {
        return open.containsKey(accountId);
    }

    @Override
    public void close() {
        open.values().forEach(BrokerAdapter::close);
        open.clear();
    }
}
