package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.model.ModelDeleted;
import com.sigmatiq.contracts.model.ModelStatusChanged;
import com.sigmatiq.kit.messaging.EventOutbox;
import com.sigmatiq.model.domain.Model;
import com.sigmatiq.model.domain.ModelEvents;
import com.sigmatiq.model.domain.ModelStatus;
import org.springframework.stereotype.Component;

/**
 * Publishes each model change through the kit's outbox in the caller's transaction: a new envelope (owner, subject =
 * model id) on {@code model.events}, keyed by the model id.
 */
@Component
class ModelEventPublisher implements ModelEvents {

    private final EventOutbox outbox;

    ModelEventPublisher(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void created(Model m) {
        outbox.publish(new ModelCreated(m.id(), m.packId(), m.packVersion(), m.strategyId(), m.ticker(), m.timeframe()),
                m.ownerId(), m.id());
    }

    @Override
    public void statusChanged(Model m, ModelStatus from) {
        outbox.publish(new ModelStatusChanged(m.id(), from.label(), m.status().label()), m.ownerId(), m.id());
    }

    @Override
    public void deleted(Model m) {
        outbox.publish(new ModelDeleted(m.id()), m.ownerId(), m.id());
    }
}
