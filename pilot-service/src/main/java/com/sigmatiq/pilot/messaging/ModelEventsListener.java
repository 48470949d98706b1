package com.sigmatiq.pilot.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.contracts.paper.PaperCompleted;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import com.sigmatiq.pilot.domain.OrderStore;
import com.sigmatiq.pilot.domain.Publication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What pilot-service learns from other services, through the kit's inbox: publications and their moves
 * ({@code model.events}), paper recommendations ({@code paper.events}), and each feed's last close
 * ({@code market.bars.*}, for the price band).
 */
@Component
class ModelEventsListener {

    static final String MODEL_CONSUMER = "pilot-service.model-events";
    static final String PAPER_CONSUMER = "pilot-service.paper-events";

    private final OrderStore store;
    private final Inbox inbox;

    ModelEventsListener(OrderStore store, Inbox inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    @KafkaListener(id = "pilot-model-events", topics = Topics.MODEL_EVENTS, groupId = "pilot-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onModelEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof ModelPublished p && event.ownerId() != null) {
            inbox.receive(MODEL_CONSUMER, event, () -> store.upsertPublication(new Publication(p.publishedId(), event.ownerId(),
                    p.modelId(), p.ticker(), ModelPublished.FEED_REPLAY.equals(p.feed()) ? p.replayId() : "live", p.status(), null),
                    event.occurredAt()));
        } else if (event.payload() instanceof PublicationStatusChanged c) {
            inbox.receive(MODEL_CONSUMER, event, () -> store.publicationStatus(c.publishedId(), c.to(), c.at()));
        }
    }

    @KafkaListener(id = "pilot-paper-events", topics = Topics.PAPER_EVENTS, groupId = "pilot-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onPaperEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof PaperCompleted c) {
            inbox.receive(PAPER_CONSUMER, event, () -> store.recommendation(c.publishedId(), c.recommendation(), c.completedAt()));
        }
    }

    @KafkaListener(id = "pilot-bars", topicPattern = "market\\.bars\\..+", groupId = "pilot-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY,
            properties = {"auto.offset.reset=earliest", "metadata.max.age.ms=5000"})
    void onBar(EventEnvelope<?> event) {
        if (event.payload() instanceof BarClosed b) {
            store.lastClose(b.replayId() == null ? "live" : b.replayId(), b.ticker(), b.close(), b.end());
        }
    }
}
