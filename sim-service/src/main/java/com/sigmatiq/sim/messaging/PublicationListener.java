package com.sigmatiq.sim.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.sim.domain.PaperTrading;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Publications from model-service ({@code model.events}, through the kit's inbox): a paper-trading
 * {@code model.published} opens its paper account; a publication retired during its period stops it.
 */
@Component
class PublicationListener {

    static final String CONSUMER = "sim-service.model-events";

    private final PaperTrading paper;
    private final Inbox inbox;

    PublicationListener(PaperTrading paper, Inbox inbox) {
        this.paper = paper;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.MODEL_EVENTS, groupId = "sim-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onModelEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof ModelPublished p && event.ownerId() != null) {
            inbox.receive(CONSUMER, event, () -> paper.published(event.ownerId(), p));
        } else if (event.payload() instanceof PublicationStatusChanged c && "retired".equals(c.to())) {
            inbox.receive(CONSUMER, event, () -> paper.retired(c.publishedId()));
        }
    }
}
