package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.model.ModelCreated;
import com.sigmatiq.contracts.model.ModelDeleted;
import com.sigmatiq.contracts.model.ModelStatusChanged;
import com.sigmatiq.model.domain.Model;
import com.sigmatiq.model.domain.ModelEvents;
import com.sigmatiq.model.domain.ModelStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wraps each model change in an {@link EventEnvelope} (new event id, type, time, version 1, owner, model id)
 * and publishes it as an application event. Spring Modulith's registry persists the publication in the
 * caller's transaction; {@link ModelEventsExternalization} routes it to {@code model.events}.
 */
@Component
class ModelEventPublisher implements ModelEvents {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ModelEventPublisher(ApplicationEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Model m) {
        publish(ModelCreated.TYPE, m, new ModelCreated(m.id(), m.packId(), m.packVersion(), m.strategyId(), m.ticker(), m.timeframe()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void statusChanged(Model m, ModelStatus from) {
        publish(ModelStatusChanged.TYPE, m, new ModelStatusChanged(m.id(), from.label(), m.status().label()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(Model m) {
        publish(ModelDeleted.TYPE, m, new ModelDeleted(m.id()));
    }

    private void publish(String type, Model m, Object payload) {
        publisher.publishEvent(new EventEnvelope<>(UUID.randomUUID(), type, Instant.now(clock), EventEnvelope.CURRENT_VERSION,
                m.ownerId(), m.id(), payload));
    }
}
