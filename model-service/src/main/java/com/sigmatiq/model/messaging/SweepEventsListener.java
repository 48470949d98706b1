package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.model.domain.ModelService;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves a model to {@code swept} when sweep-service announces {@code sweep.completed} for it. Idempotent:
 * a redelivered event, or one for a model that has moved on or was deleted, changes nothing.
 */
@Component
class SweepEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SweepEventsListener.class);

    private final ModelService models;
    private final JsonMapper json;

    SweepEventsListener(ModelService models, JsonMapper json) {
        this.models = models;
        this.json = json;
    }

    @KafkaListener(topics = Topics.SWEEP_EVENTS, groupId = "model-service")
    void onSweepEvent(ConsumerRecord<?, ?> record) {
        // the value arrives as bytes or text depending on the consumer's deserializer; the JSON is read here
        Object value = record.value();
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
        JsonNode event;
        try {
            event = json.readTree(text);
        } catch (RuntimeException e) {
            log.warn("ignored an unreadable message on {}: {}", Topics.SWEEP_EVENTS, e.getMessage());
            return;
        }
        if (!SweepCompleted.TYPE.equals(event.path("type").asString(""))) {
            return;
        }
        String owner = event.path("owner_id").asString("");
        String modelId = event.path("payload").path("model_id").asString("");
        if (owner.isEmpty() || modelId.isEmpty()) {
            log.warn("ignored {} {} without owner_id or payload.model_id", SweepCompleted.TYPE, event.path("event_id").asString(""));
            return;
        }
        if (models.sweepCompleted(owner, modelId)) {
            log.info("model {} swept (sweep {})", modelId, event.path("subject_id").asString(""));
        }
    }
}
