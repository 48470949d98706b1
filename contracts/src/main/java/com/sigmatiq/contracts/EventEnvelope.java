package com.sigmatiq.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every Sigmatiq event on Kafka.
 *
 * <p>Consumers are idempotent on {@code event_id}: a redelivered event carries the same id and changes nothing.
 *
 * @param eventId    unique id of this event; the same id on every delivery of it
 * @param type       event type name, e.g. {@code model.created} ({@code TYPE} constant of the payload record)
 * @param occurredAt when the change was committed, UTC
 * @param version    schema version of {@code payload} for this {@code type}; starts at {@link #CURRENT_VERSION}
 * @param ownerId    id of the user who owns the subject (JWT {@code sub}); {@code null} for system events
 * @param subjectId  id of the resource the event is about (e.g. the model id); used as the Kafka key
 * @param payload    the type-specific record
 * @param <T>        payload type
 */
public record EventEnvelope<T>(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("type") String type,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("version") int version,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("subject_id") String subjectId,
        @JsonProperty("payload") T payload) {

    /** The schema version of every payload type defined so far. */
    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
