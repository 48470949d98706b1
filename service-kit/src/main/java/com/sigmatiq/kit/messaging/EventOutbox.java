package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.EventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.UUID;

/**
 * The transactional outbox: an event published here is written to the service's {@code event_publication} table
 * (Spring Modulith's event publication registry) in the caller's database transaction, and sent to Kafka only after
 * that transaction commits, to its type's topic ({@link EventType#topic()}) keyed by the envelope's subject id. A
 * rolled-back change sends nothing; a commit whose send fails or never happens (a crash, Kafka down) leaves the
 * publication incomplete, and it is sent again at the next start and, while the service runs, once it is older than
 * {@code sigmatiq.messaging.outbox.resubmit-after}. Delivery is at least once: consumers drop repeats by event id
 * ({@link Inbox}).
 */
public class EventOutbox {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    public EventOutbox(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Records {@code event} in the current transaction.
     *
     * @return the event
     * @throws IllegalStateException    outside a database transaction (the event would not be tied to a change)
     * @throws IllegalArgumentException for a type {@link EventType} does not list, or one without a single topic
     */
    public <T> EventEnvelope<T> publish(EventEnvelope<T> event) {
        EventType type = EventCatalog.byName(event.type()).orElseThrow(() -> new IllegalArgumentException(
                "unknown event type " + event.type() + ": list it in " + EventType.class.getName()));
        if (type.topic() == null) {
            throw new IllegalArgumentException(event.type() + " has no single topic; send it with " + EventSender.class.getSimpleName());
        }
        if (!type.payloadType().isInstance(event.payload())) {
            throw new IllegalArgumentException("an event of type " + event.type() + " carries a "
                    + type.payloadType().getSimpleName() + ", not a " + event.payload().getClass().getName());
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("publish " + event.type() + " inside the transaction that makes the change");
        }
        publisher.publishEvent(event);
        return event;
    }

    /**
     * Records a new event (random id, now) about {@code subjectId} in the current transaction.
     *
     * @param ownerId the user who owns the subject; null for system events
     * @return the envelope written
     */
    public <T> EventEnvelope<T> publish(T payload, String ownerId, String subjectId) {
        return publish(EventCatalog.envelope(UUID.randomUUID(), payload, ownerId, subjectId, clock.instant()));
    }
}
