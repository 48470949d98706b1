package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.EventType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * The kit's messaging, each part present when the service has what it needs on its class path:
 * <ul>
 *   <li>always: {@link EventEnvelopeCodec};</li>
 *   <li>with Kafka: {@link EventSender} (direct sends) and the listener factory {@value #EVENT_LISTENER_FACTORY}, whose
 *       listeners receive typed {@link EventEnvelope}s;</li>
 *   <li>with a {@code DataSource}: {@link Inbox};</li>
 *   <li>with {@code spring-modulith-starter-jdbc} and {@code spring-modulith-events-kafka}: {@link EventOutbox}, the
 *       routing of every envelope to its type's topic, the envelope's JSON in {@code event_publication}, and the
 *       periodic clean-up and retry of publications.</li>
 * </ul>
 * Settings: {@link KitMessagingProperties}; Modulith defaults: {@link KitMessagingDefaults}.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {"org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration",
            "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration"})
@EnableConfigurationProperties(KitMessagingProperties.class)
public class KitMessagingAutoConfiguration {

    /**
     * The listener container factory for envelopes:
     * {@code @KafkaListener(topics = …, groupId = …, containerFactory = KitMessagingAutoConfiguration.EVENT_LISTENER_FACTORY)}
     * on a method taking an {@code EventEnvelope<?>}. A record that is not an envelope is logged and skipped; a listener
     * that throws gets the record again after 1, 2, 4 … up to 30 s, without end, so no event is passed over.
     */
    public static final String EVENT_LISTENER_FACTORY = "sigmatiqEventListenerFactory";

    @Bean
    @ConditionalOnMissingBean
    EventEnvelopeCodec eventEnvelopeCodec() {
        return new EventEnvelopeCodec();
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(value = KafkaTemplate.class, name = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
    @ConditionalOnBean(ProducerFactory.class)
    static class KafkaParts {

        @Bean
        @ConditionalOnMissingBean
        EventSender eventSender(ProducerFactory<?, ?> producers, EventEnvelopeCodec codec) {
            return new EventSender(producers, codec);
        }

        @Bean(EVENT_LISTENER_FACTORY)
        @SuppressWarnings({"unchecked", "rawtypes"})
        ConcurrentKafkaListenerContainerFactory<Object, Object> sigmatiqEventListenerFactory(ConsumerFactory<?, ?> consumers,
                EventEnvelopeCodec codec, ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> configurer) {
            DefaultKafkaConsumerFactory envelopes = new DefaultKafkaConsumerFactory<>(consumers.getConfigurationProperties(),
                    new StringDeserializer(), new ErrorHandlingDeserializer<>(new EventEnvelopeDeserializer(codec)));
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
            ConcurrentKafkaListenerContainerFactoryConfigurer boot = configurer.getIfAvailable();
            if (boot != null) {
                boot.configure(factory, envelopes);
            } else {
                factory.setConsumerFactory(envelopes);
            }
            ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
            backOff.setMaxInterval(30_000);
            factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            return factory;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcClient.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnBean(PlatformTransactionManager.class)
    static class InboxPart {

        @Bean
        @ConditionalOnMissingBean
        Inbox inbox(DataSource dataSource, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
            return new Inbox(JdbcClient.create(dataSource), transactions, clock(clock));
        }

        @Bean
        MessagingMaintenance sigmatiqInboxMaintenance(KitMessagingProperties properties, Inbox inbox) {
            KitMessagingProperties.Inbox settings = properties.inbox();
            return new MessagingMaintenance("kit-inbox-maintenance", List.of(new MessagingMaintenance.Task(
                    "forgetting old inbox entries", settings.cleanupInterval(), () -> inbox.forgetOlderThan(settings.keep()))));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(value = {KafkaTemplate.class, EventExternalizationConfiguration.class, EventSerializer.class},
            name = {"org.springframework.modulith.events.jdbc.JdbcEventPublicationRepository",
                "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration"})
    static class OutboxPart {

        @Bean
        @ConditionalOnMissingBean
        EventOutbox eventOutbox(ApplicationEventPublisher publisher, ObjectProvider<Clock> clock) {
            return new EventOutbox(publisher, clock(clock));
        }

        /** Selects every envelope whose type has a topic; sends its JSON there, keyed by subject id. */
        @Bean
        @SuppressWarnings({"unchecked", "rawtypes"})
        EventExternalizationConfiguration eventExternalizationConfiguration(EventEnvelopeCodec codec) {
            return EventExternalizationConfiguration.externalizing()
                    .select(event -> event instanceof EventEnvelope<?> e && topic(e) != null)
                    .route(EventEnvelope.class, e -> RoutingTarget.forTarget(topic((EventEnvelope<?>) e)).withoutKey())
                    .mapping(EventEnvelope.class, e -> {
                        EventEnvelope<?> envelope = (EventEnvelope<?>) e;
                        // a message with key and topic set: no routing expression is evaluated on the subject id
                        return MessageBuilder.withPayload(codec.writeString(envelope))
                                .setHeader(KafkaHeaders.TOPIC, topic(envelope))
                                .setHeader(KafkaHeaders.KEY, envelope.subjectId())
                                .build();
                    })
                    .build();
        }

        private static String topic(EventEnvelope<?> event) {
            return EventCatalog.byName(event.type()).map(EventType::topic).orElse(null);
        }

        @Bean
        EventSerializer sigmatiqOutboxEventSerializer(EventEnvelopeCodec codec) {
            return new OutboxEventSerializer(codec);
        }

        @Bean
        MessagingMaintenance sigmatiqOutboxMaintenance(KitMessagingProperties properties,
                ObjectProvider<CompletedEventPublications> completed, ObjectProvider<IncompleteEventPublications> incomplete) {
            KitMessagingProperties.Outbox outbox = properties.outbox();
            return new MessagingMaintenance("kit-outbox-maintenance", List.of(
                    new MessagingMaintenance.Task("deleting completed event publications", outbox.cleanupInterval(),
                            () -> completed.getObject().deletePublicationsOlderThan(outbox.keepCompleted())),
                    // Modulith 2.0's JDBC registry keeps no FAILED status (FailedEventPublications finds nothing there):
                    // what is incomplete long after its commit is what failed or was lost
                    new MessagingMaintenance.Task("resubmitting incomplete event publications", outbox.resubmitInterval(),
                            () -> incomplete.getObject().resubmitIncompletePublicationsOlderThan(outbox.resubmitAfter()))));
        }
    }
}
