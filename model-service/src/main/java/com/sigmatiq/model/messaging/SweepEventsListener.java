package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.sweep.SweepCompleted;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.model.domain.ModelService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Moves a model to {@code swept} when sweep-service announces {@code sweep.completed} for it, once per event id (the
 * kit's inbox, in the transaction of the move). A completion for a model that has moved on or was deleted changes
 * nothing either.
 */
@Component
class SweepEventsListener {

    /** This listener's name in the inbox. */
    static final String CONSUMER = "model-service.sweep-events";

    private static final Logger log = LoggerFactory.getLogger(SweepEventsListener.class);

    private final ModelService models;
    private final Inbox inbox;

    SweepEventsListener(ModelService models, Inbox inbox) {
        this.models = models;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.SWEEP_EVENTS, groupId = "model-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onSweepEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof SweepCompleted done)) {
            return;
        }
        if (event.ownerId() == null || done.modelId() == null) {
            log.warn("ignored {} {} without owner_id or payload.model_id", event.type(), event.eventId());
            return;
        }
        inbox.receive(CONSUMER, event, () -> {
            if (models.sweepCompleted(event.ownerId(), done.modelId())) {
                log.info("model {} swept (sweep {})", done.modelId(), done.sweepId());
            }
        });
    }
}
