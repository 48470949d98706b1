package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for {@link EventEnvelope}s with typed payloads ({@link EventEnvelopeCodec}). A record that
 * is not an envelope fails with a {@link SerializationException}; behind spring-kafka's {@code ErrorHandlingDeserializer}
 * (as in the kit's listener factory) such a record is logged and skipped.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<?>> {

    private final EventEnvelopeCodec codec;

    /** For {@code value.deserializer} in Kafka properties. */
    public EventEnvelopeDeserializer() {
        this(new EventEnvelopeCodec());
    }

    public EventEnvelopeDeserializer(EventEnvelopeCodec codec) {
        this.codec = codec;
    }

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return codec.read(data);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("record on " + topic + ": " + e.getMessage(), e);
        }
    }
}
