package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.EventType;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every contract event survives the codec and the Kafka serializer pair with its payload typed. */
class EventEnvelopeCodecTest {

    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final JsonMapper plain = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeRoundTripsTyped(EventType type) {
        EventEnvelope<Object> event = SampleEvents.envelope(type);

        EventEnvelope<?> back = codec.read(codec.write(event));

        assertThat(back).isEqualTo(event);
        assertThat(back.payload()).isInstanceOf(type.payloadType());
        assertThat(codec.read(codec.writeString(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeRoundTripsThroughTheKafkaSerializers(EventType type) {
        EventEnvelope<Object> event = SampleEvents.envelope(type);
        byte[] bytes = new EventEnvelopeSerializer(codec).serialize("any.topic", event);

        assertThat(new EventEnvelopeDeserializer(codec).deserialize("any.topic", bytes)).isEqualTo(event);
        // the wire form is the contracts' own JSON: a plain mapper writes the same text
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(plain.writeValueAsString(event));
    }

    @Test
    void theWireFormIsSnakeCaseWithIsoTimes() {
        JsonNode json = plain.readTree(codec.write(SampleEvents.envelope(EventType.SWEEP_COMPLETED)));

        assertThat(json.propertyNames()).containsExactly("event_id", "type", "occurred_at", "version", "owner_id", "subject_id",
                "payload");
        assertThat(json.get("type").asString()).isEqualTo("sweep.completed");
        assertThat(json.get("occurred_at").asString()).isEqualTo("2025-01-02T03:04:05.678Z");
        assertThat(json.get("payload").get("completed_at").asString()).isEqualTo("2011-04-01T20:00:00.123456Z");
        assertThat(json.get("payload").get("best_combo_id").asLong()).isEqualTo(4_321L);
    }

    @Test
    void anUnknownTypeOrANewerVersionKeepsItsPayloadAsJson() {
        String unknown = """
                {"event_id":"5f1c1f0e-8a5e-4c52-9a3c-0d8c1b1a2b3c","type":"alert.raised","occurred_at":"2025-01-02T03:04:05Z",
                 "version":1,"owner_id":"u","subject_id":"a1","payload":{"alert_id":"a1","price":1.5}}""";
        String newer = """
                {"event_id":"5f1c1f0e-8a5e-4c52-9a3c-0d8c1b1a2b3d","type":"model.created","occurred_at":"2025-01-02T03:04:05Z",
                 "version":2,"owner_id":"u","subject_id":"m1","payload":{"model":{"id":"m1"}}}""";

        EventEnvelope<?> a = codec.read(unknown);
        EventEnvelope<?> b = codec.read(newer);

        assertThat(a.payload()).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) a.payload()).get("price").asDouble()).isEqualTo(1.5);
        assertThat(a.type()).isEqualTo("alert.raised");
        assertThat(b.payload()).isInstanceOf(JsonNode.class).isNotInstanceOf(ModelCreated.class);
        assertThat(b.version()).isEqualTo(2);
        // and it is written back unchanged
        assertThat(plain.readTree(codec.write(a))).isEqualTo(plain.readTree(unknown));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String withExtras = """
                {"event_id":"5f1c1f0e-8a5e-4c52-9a3c-0d8c1b1a2b3c","type":"model.deleted","occurred_at":"2025-01-02T03:04:05Z",
                 "version":1,"owner_id":"u","subject_id":"m1","trace":"x","payload":{"model_id":"m1","reason":"owner"}}""";

        assertThat(codec.read(withExtras).payload()).isEqualTo(new com.sigmatiq.contracts.model.ModelDeleted("m1"));
    }

    @Test
    void whatIsNotAnEnvelopeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> codec.read("not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.read("[1, 2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an event envelope");
        assertThatThrownBy(() -> codec.read("""
                {"type":"model.deleted","occurred_at":"2025-01-02T03:04:05Z","version":1,"subject_id":"m1","payload":{"model_id":"m1"}}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event_id");
        assertThatThrownBy(() -> codec.read("""
                {"event_id":"x","type":"model.deleted","occurred_at":"2025-01-02T03:04:05Z","version":1,"payload":{"model_id":"m1"}}"""))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] garbage = "{".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new EventEnvelopeDeserializer(codec).deserialize("sweep.events", garbage))
                .isInstanceOf(SerializationException.class).hasMessageContaining("sweep.events");
        assertThat(new EventEnvelopeDeserializer(codec).deserialize("sweep.events", null)).isNull();
    }

    @Test
    void anEnvelopeWhoseTypeDoesNotMatchItsPayloadIsNotWritten() {
        var wrong = new EventEnvelope<>(UUID.randomUUID(), SweepCompleted.TYPE, Instant.now(), 1, "u", "m1",
                new ModelCreated("m1", "p", "1", "s", "SPY", "5m"));

        assertThatThrownBy(() -> codec.write(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SweepCompleted");
    }

    @Test
    void theCatalogueNamesTheTypeOfEachPayloadAndRefusesOthers() {
        var event = EventCatalog.envelope(UUID.randomUUID(), new ModelCreated("m1", "p", "1", "s", "SPY", "5m"), "u", "m1",
                Instant.parse("2025-01-02T03:04:05Z"));

        assertThat(event.type()).isEqualTo(ModelCreated.TYPE);
        assertThat(event.version()).isEqualTo(EventEnvelope.CURRENT_VERSION);
        assertThat(EventCatalog.byName("model.created")).contains(EventType.MODEL_CREATED);
        assertThat(EventCatalog.byName("nothing.like.it")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.envelope(UUID.randomUUID(), "a string", null, "s", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }

    @Test
    void theOutboxStoresEnvelopesInTheirJsonAndReadsThemBackTyped() {
        var serializer = new OutboxEventSerializer(codec);
        EventEnvelope<Object> event = SampleEvents.envelope(EventType.MODEL_STATUS_CHANGED);

        Object stored = serializer.serialize(event);

        assertThat(stored).isEqualTo(codec.writeString(event));
        assertThat(serializer.deserialize(stored, EventEnvelope.class)).isEqualTo(event);
        assertThat(serializer.serialize(new Other("x", 2))).isEqualTo("{\"name\":\"x\",\"count\":2}");
        assertThat(serializer.deserialize("{\"name\":\"x\",\"count\":2}", Other.class)).isEqualTo(new Other("x", 2));
    }

    record Other(String name, int count) {
    }
}
