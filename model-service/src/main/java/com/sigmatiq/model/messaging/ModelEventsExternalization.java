package com.sigmatiq.model.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which application events leave the service and where to: every model {@link EventEnvelope} goes to
 * {@link Topics#MODEL_EVENTS} keyed by the model id, serialized as JSON (Modulith's Kafka JSON converter
 * with the application's snake_case {@code JsonMapper}; the envelope and payload records pin their names).
 */
@Configuration(proxyBeanMethods = false)
class ModelEventsExternalization {

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration() {
        return EventExternalizationConfiguration.externalizing()
                .select(ModelEventsExternalization::isModelEvent)
                .route(EventEnvelope.class, e -> RoutingTarget.forTarget(Topics.MODEL_EVENTS).andKey(e.subjectId()))
                .build();
    }

    static boolean isModelEvent(Object event) {
        return event instanceof EventEnvelope<?> e && e.type().startsWith("model.");
    }
}
