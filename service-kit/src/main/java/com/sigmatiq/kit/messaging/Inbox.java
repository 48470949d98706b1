package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The inbox: which events each consumer has processed, in table {@code event_inbox} of the service's schema (created by
 * the kit's Flyway location {@code classpath:db/kit/inbox}). {@link #receive} runs a handler once per consumer and event
 * id: the inbox row and the handler's changes commit in one transaction, so a redelivered or duplicated event changes
 * nothing, and a handler that fails leaves no row behind (the redelivery runs it again).
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Inbox(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs {@code handler} in a transaction with the inbox row of ({@code consumer}, event id), unless that row exists.
     * A handler that joins the transaction (the default propagation) commits with it. Concurrent deliveries of one event
     * are serialised by the row's primary key: the second waits for the first and then does nothing.
     *
     * @param consumer who consumes, e.g. {@code model-service.sweep-events}: one name per listener, stable across
     *                 releases (a new name processes every event again)
     * @return true if the handler ran, false for an event this consumer already processed
     */
    public boolean receive(String consumer, EventEnvelope<?> event, Runnable handler) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(handler, "handler");
        Boolean ran = tx.execute(status -> {
            int inserted = jdbc.sql("INSERT INTO event_inbox (consumer, event_id, event_type, received_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(consumer, event.eventId(), event.type(), Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /** Whether {@code consumer} has processed the event with this id. */
    public boolean received(String consumer, UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM event_inbox WHERE consumer = ? AND event_id = ?").params(consumer, eventId)
                .query(Long.class).single() > 0;
    }

    /**
     * Forgets events received longer ago than {@code age} (they are past the topics' retention, so no redelivery can
     * bring them back). Does nothing in a schema without the inbox table.
     *
     * @return the rows deleted
     */
    public int forgetOlderThan(Duration age) {
        if (!jdbc.sql("SELECT to_regclass('event_inbox') IS NOT NULL").query(Boolean.class).single()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM event_inbox WHERE received_at < ?").param(Timestamp.from(clock.instant().minus(age)))
                .update();
    }
}
