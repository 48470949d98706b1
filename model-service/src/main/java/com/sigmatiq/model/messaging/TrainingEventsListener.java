package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.training.TrainingCompleted;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.model.domain.ModelService;
import com.sigmatiq.model.domain.ModelStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Moves a model from {@code swept} to {@code trained} when training-service announces {@code training.completed} for
 * it, once per event id (the kit's inbox, in the transaction of the move). One still in {@code created} moves through
 * {@code swept} (its sweep's event is late: training needs a completed sweep); a model already trained or further
 * along is left as it is (logged at debug); another owner's or an unknown model changes nothing.
 */
@Component
class TrainingEventsListener {

    /** This listener's name in the inbox. */
    static final String CONSUMER = "model-service.training-events";

    private static final Logger log = LoggerFactory.getLogger(TrainingEventsListener.class);

    private final ModelService models;
    private final Inbox inbox;

    TrainingEventsListener(ModelService models, Inbox inbox) {
        this.models = models;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.TRAINING_EVENTS, groupId = "model-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onTrainingEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof TrainingCompleted done)) {
            return;
        }
        if (event.ownerId() == null || done.modelId() == null) {
            log.warn("ignored {} {} without owner_id or payload.model_id", event.type(), event.eventId());
            return;
        }
        inbox.receive(CONSUMER, event, () -> {
            Optional<ModelStatus> found = models.trainingCompleted(event.ownerId(), done.modelId());
            if (found.isEmpty()) {
                log.warn("{} {}: owner has no model {}; nothing changed", event.type(), event.eventId(), done.modelId());
            } else if (found.get() == ModelStatus.SWEPT) {
                log.info("model {} trained ({}, job {})", done.modelId(), done.trainedModelId(), done.jobId());
            } else if (found.get() == ModelStatus.CREATED) {
                log.info("model {} trained ({}, job {}); its sweep's completion, still on its way, is taken as done",
                        done.modelId(), done.trainedModelId(), done.jobId());
            } else {
                log.debug("{} {}: model {} already '{}'; unchanged", event.type(), event.eventId(), done.modelId(),
                        found.get().label());
            }
        });
    }
}
