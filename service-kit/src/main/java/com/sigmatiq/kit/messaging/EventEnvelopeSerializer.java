package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for {@link EventEnvelope}s: {@link EventEnvelopeCodec}'s JSON. */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    private final EventEnvelopeCodec codec;

    /** For {@code value.serializer} in Kafka properties. */
    public EventEnvelopeSerializer() {
        this(new EventEnvelopeCodec());
    }

    public EventEnvelopeSerializer(EventEnvelopeCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> event) {
        return event == null ? null : codec.write(event);
    }
}
