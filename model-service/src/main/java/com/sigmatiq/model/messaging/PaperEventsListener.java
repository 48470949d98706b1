package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.model.domain.PublicationService;
import com.sigmatiq.model.domain.PublicationStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Moves a publication from {@code paper_trading} to {@code paper_complete} with its recommendation when sim-service
 * announces {@code paper.completed}, once per event id (the kit's inbox, in the transaction of the move). A publication
 * no longer paper-trading (paused, retired, already complete) is left as it is, with a log line; another owner's or an
 * unknown publication changes nothing.
 */
@Component
class PaperEventsListener {

    /** This listener's name in the inbox. */
    static final String CONSUMER = "model-service.paper-events";

    private static final Logger log = LoggerFactory.getLogger(PaperEventsListener.class);

    private final PublicationService publications;
    private final Inbox inbox;

    PaperEventsListener(PublicationService publications, Inbox inbox) {
        this.publications = publications;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.PAPER_EVENTS, groupId = "model-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onPaperEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof PaperCompleted done)) {
            return;
        }
        if (event.ownerId() == null || done.publishedId() == null || done.recommendation() == null) {
            log.warn("ignored {} {} without owner_id, published_id or recommendation", event.type(), event.eventId());
            return;
        }
        inbox.receive(CONSUMER, event, () -> {
            Optional<PublicationStatus> before = publications.paperCompleted(event.ownerId(), done.publishedId(),
                    done.recommendation());
            if (before.isEmpty()) {
                log.warn("{} {}: owner has no publication {}; nothing changed", event.type(), event.eventId(), done.publishedId());
            } else if (before.get() == PublicationStatus.PAPER_TRADING) {
                log.info("publication {} paper_complete: {}", done.publishedId(), done.recommendation());
            } else {
                log.info("{} {}: publication {} is '{}'; left unchanged", event.type(), event.eventId(), done.publishedId(),
                        before.get().label());
            }
        });
    }
}
