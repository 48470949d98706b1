package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the outbox stores events in {@code event_publication.serialized_event}: envelopes as {@link EventEnvelopeCodec}'s
 * JSON, read back with their typed payload when a publication is sent again; anything else with a plain mapper.
 */
class OutboxEventSerializer implements EventSerializer {

    private final EventEnvelopeCodec codec;
    private final JsonMapper others = JsonMapper.builder().build();

    OutboxEventSerializer(EventEnvelopeCodec codec) {
        this.codec = codec;
    }

    @Override
    public Object serialize(Object event) {
        return event instanceof EventEnvelope<?> envelope ? codec.writeString(envelope) : others.writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        if (type == EventEnvelope.class) {
            return type.cast(codec.read(serialized.toString()));
        }
        return others.readValue(serialized.toString(), type);
    }
}
