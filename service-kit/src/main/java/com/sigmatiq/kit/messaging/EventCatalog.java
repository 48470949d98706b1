package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.EventType;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Looks up the {@link EventType}s of {@code contracts} by type name and by payload record, and builds envelopes whose
 * {@code type} always matches their payload.
 */
public final class EventCatalog {

    private static final Map<String, EventType> BY_NAME = new HashMap<>();
    private static final Map<Class<?>, EventType> BY_PAYLOAD = new HashMap<>();

    static {
        for (EventType t : EventType.values()) {
            BY_NAME.put(t.typeName(), t);
            BY_PAYLOAD.put(t.payloadType(), t);
        }
    }

    private EventCatalog() {
    }

    /** The type with this envelope {@code type} name; empty for a name this version of {@code contracts} does not know. */
    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /**
     * The type whose payload record this is.
     *
     * @throws IllegalArgumentException if the class is not a payload record listed in {@link EventType}
     */
    public static EventType byPayload(Class<?> payloadType) {
        EventType t = BY_PAYLOAD.get(payloadType);
        if (t == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not an event payload listed in " + EventType.class.getName());
        }
        return t;
    }

    /**
     * A version-{@value EventEnvelope#CURRENT_VERSION} envelope for {@code payload}, its {@code type} taken from the
     * catalogue.
     *
     * @param eventId    a new random id, or one derived from what the event is about when a producer may send the same
     *                   event again on another path (consumers drop repeats of an id)
     * @param ownerId    the user who owns the subject; null for system events
     * @param subjectId  the resource the event is about; the Kafka key
     * @param occurredAt when the change was committed
     */
    public static <T> EventEnvelope<T> envelope(UUID eventId, T payload, String ownerId, String subjectId, Instant occurredAt) {
        Objects.requireNonNull(payload, "payload");
        return new EventEnvelope<>(eventId, byPayload(payload.getClass()).typeName(), occurredAt, EventEnvelope.CURRENT_VERSION,
                ownerId, subjectId, payload);
    }
}
