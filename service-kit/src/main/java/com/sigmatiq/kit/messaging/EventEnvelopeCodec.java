package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one JSON form of an {@link EventEnvelope}, for Kafka and for the outbox table: the wire names pinned in
 * {@code contracts} (snake_case, ISO-8601 times), written by a plain mapper so that no service's Jackson settings
 * change it.
 *
 * <p>Reading is typed: the payload becomes the record that {@link EventType} lists for the envelope's {@code type} when
 * the envelope's {@code version} is {@link EventEnvelope#CURRENT_VERSION}. An unknown type or another version (a newer
 * producer) keeps the payload as a {@link JsonNode}, so a consumer that dispatches on the payload's class simply passes
 * it by. Unknown fields are ignored (additions are compatible); a message that is not an envelope is refused.
 */
public final class EventEnvelopeCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The envelope as UTF-8 JSON. */
    public byte[] write(EventEnvelope<?> event) {
        checkPayload(event);
        return mapper.writeValueAsBytes(event);
    }

    /** The envelope as JSON text. */
    public String writeString(EventEnvelope<?> event) {
        checkPayload(event);
        return mapper.writeValueAsString(event);
    }

    /**
     * Reads an envelope.
     *
     * @throws IllegalArgumentException if the bytes are not JSON or not an envelope (a required field missing or
     *                                  malformed, a payload that does not fit its type's record)
     */
    public EventEnvelope<?> read(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + "): " + excerpt(json), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an event envelope: " + excerpt(json));
        }
        try {
            // a missing required field fails in the envelope's constructor, which names it
            return mapper.treeToValue(root, envelopeType(root));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a readable event envelope (" + e.getOriginalMessage() + "): " + excerpt(json), e);
        }
    }

    /** As {@link #read(byte[])}, from text. */
    public EventEnvelope<?> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private JavaType envelopeType(JsonNode root) {
        Optional<EventType> type = EventCatalog.byName(root.path("type").asString(""));
        Class<?> payload = type.isPresent() && root.path("version").asInt(0) == EventEnvelope.CURRENT_VERSION
                ? type.get().payloadType() : JsonNode.class;
        return mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
    }

    /** A known type must carry its own record: a mismatch is a programming error, found before anything is sent. */
    private static void checkPayload(EventEnvelope<?> event) {
        EventCatalog.byName(event.type()).ifPresent(t -> {
            if (!t.payloadType().isInstance(event.payload()) && !(event.payload() instanceof JsonNode)) {
                throw new IllegalArgumentException("an event of type " + event.type() + " carries a "
                        + t.payloadType().getSimpleName() + ", not a " + event.payload().getClass().getName());
            }
        });
    }

    private static String excerpt(byte[] json) {
        String text = new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8);
        return json.length > 200 ? text + "…" : text;
    }
}
