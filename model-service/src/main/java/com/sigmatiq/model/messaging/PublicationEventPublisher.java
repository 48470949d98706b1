package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.contracts.model.PublicationStatusChanged;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.model.domain.Publication;
import com.sigmatiq.model.domain.PublicationEvents;
import com.sigmatiq.model.domain.StatusChange;
import com.sigmatiq.model.domain.TrainedModel;
import org.springframework.stereotype.Component;

/**
 * Publishes each publication change through the kit's outbox in the caller's transaction: an envelope with owner = the
 * user and subject = the published id on {@code model.events}, keyed by the published id (so one publication's
 * events stay in order).
 */
@Component
class PublicationEventPublisher implements PublicationEvents {

    private final EventOutbox outbox;

    PublicationEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void published(Publication p) {
        TrainedModel t = p.trainedModel();
        var s = p.settings();
        outbox.publish(new ModelPublished(p.id(), t.modelId(), t.id(), t.comboId(), t.ticker(), t.timeframe(), t.packId(),
                t.packVersion(), t.strategyId(), t.effectiveConfig(), s.name(), s.maxAlertsPerDay(), s.paperTradeFirst(),
                s.paperTradeDurationDays(), p.paperEquity(), p.feed().kind(), p.feed().replayId(), p.status().label(),
                p.publishedAt(), s.recommendationRules()), p.ownerId(), p.id());
    }

    @Override
    public void statusChanged(Publication p) {
        StatusChange last = p.history().get(p.history().size() - 1);
        outbox.publish(new PublicationStatusChanged(p.id(), p.modelId(), last.from().label(), last.to().label(), last.at()),
                p.ownerId(), p.id());
    }
}
