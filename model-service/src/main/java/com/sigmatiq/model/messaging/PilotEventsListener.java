package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.pilot.LiveTradingApproved;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.model.domain.PublicationService;
import com.sigmatiq.model.domain.PublicationStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A live-trading approval from pilot-service ({@code pilot.live_trading_approved}, once per event id through the kit's
 * inbox) makes a {@code paper_complete} publication {@code live} from its go-live date; a date still to come, or an
 * approval that came before the publication's {@code paper.completed}, is checked every few seconds.
 */
@Component
class PilotEventsListener {

    /** This listener's name in the inbox. */
    static final String CONSUMER = "model-service.pilot-events";

    private static final Logger log = LoggerFactory.getLogger(PilotEventsListener.class);

    private final PublicationService publications;
    private final Inbox inbox;

    PilotEventsListener(PublicationService publications, Inbox inbox) {
        this.publications = publications;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.PILOT_EVENTS, groupId = "model-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onPilotEvent(EventEnvelope<?> event) {
        if (!(event.payload() instanceof LiveTradingApproved a)) {
            return;
        }
        if (event.ownerId() == null || a.publishedId() == null || a.goLiveDate() == null) {
            log.warn("ignored {} {} without owner_id, published_id or go_live_date", event.type(), event.eventId());
            return;
        }
        inbox.receive(CONSUMER, event, () -> {
            Optional<PublicationStatus> before = publications.approvedForLive(event.ownerId(), a.publishedId(), a.goLiveDate());
            if (before.isEmpty()) {
                log.warn("{} {}: owner has no publication {}; nothing changed", event.type(), event.eventId(), a.publishedId());
            } else if (before.get() == PublicationStatus.PAPER_TRADING) {
                log.info("{} {}: publication {} is still 'paper_trading'; it goes live once paper.completed has come",
                        event.type(), event.eventId(), a.publishedId());
            } else if (before.get() != PublicationStatus.PAPER_COMPLETE) {
                log.info("{} {}: publication {} is '{}'; left unchanged", event.type(), event.eventId(), a.publishedId(),
                        before.get().label());
            }
        });
    }

    @Scheduled(fixedDelayString = "${sigmatiq.model.go-live-interval:5s}")
    void goLiveDue() {
        publications.goLiveDue();
    }
}
