package com.sigmatiq.alert.messaging;

import com.sigmatiq.alert.domain.BarProcessor;
import com.sigmatiq.alert.domain.Publication;
import com.sigmatiq.alert.domain.RuntimeStore;
import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.kit.messaging.Inbox;
import com.sigmatiq.kit.messaging.KitMessagingAutoConfiguration;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Publications from model-service ({@code model.events}, through the kit's inbox): {@code model.published} adds the
 * model to those that follow the bars; {@code model.publication_status_changed} pauses, resumes or retires it (a
 * paused or retired model's runtime is dropped; it is rebuilt from its snapshot when it resumes).
 */
@Component
class PublicationListener {

    static final String CONSUMER = "alert-service.model-events";
    private static final Logger log = LoggerFactory.getLogger(PublicationListener.class);

    private final RuntimeStore store;
    private final BarProcessor processor;
    private final Inbox inbox;
    private final Clock clock;

    PublicationListener(RuntimeStore store, BarProcessor processor, Inbox inbox, Clock clock) {
        this.store = store;
        this.processor = processor;
        this.inbox = inbox;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.MODEL_EVENTS, groupId = "alert-service",
            containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)
    void onModelEvent(EventEnvelope<?> event) {
        if (event.payload() instanceof ModelPublished p && event.ownerId() != null) {
            inbox.receive(CONSUMER, event, () -> {
                String feed = ModelPublished.FEED_REPLAY.equals(p.feed()) && p.replayId() != null ? p.replayId() : Publication.LIVE;
                store.upsert(new Publication(p.publishedId(), event.ownerId(), p.modelId(), p.trainedModelId(), p.ticker(),
                        p.timeframe(), p.packId(), p.packVersion(), p.strategyId(), p.effectiveConfig(), p.name(),
                        p.maxAlertsPerDay(), p.paperTradeFirst(), p.paperEquity(), feed, p.status()), clock.instant());
                log.info("following {} ({} {} {}, feed {})", p.publishedId(), p.ticker(), p.timeframe(), p.status(), feed);
            });
            processor.invalidateFollowing();   // stored: the next batch reads who follows each stream
        } else if (event.payload() instanceof PublicationStatusChanged c) {
            inbox.receive(CONSUMER, event, () -> {
                if (store.status(c.publishedId(), c.to(), clock.instant())) {
                    processor.drop(c.publishedId());
                    log.info("{}: {} -> {}", c.publishedId(), c.from(), c.to());
                }
            });
            processor.invalidateFollowing();   // committed: the next batch reads it
        }
    }
}
