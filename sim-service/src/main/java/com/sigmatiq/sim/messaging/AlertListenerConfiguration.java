package com.sigmatiq.sim.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener factory of {@code alerts.paper}: plain strings, and, as the kit's event listeners, a record whose
 * handling fails is taken again after 1, 2, 4 … 30 s without end (a stored alert is never passed over; a document
 * that is not an alert is skipped by the listener itself).
 */
@Configuration(proxyBeanMethods = false)
class AlertListenerConfiguration {

    static final String FACTORY = "simAlertListenerFactory";

    @Bean(FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> simAlertListenerFactory(ConsumerFactory<?, ?> consumers,
            ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> configurer) {
        DefaultKafkaConsumerFactory strings = new DefaultKafkaConsumerFactory<>(consumers.getConfigurationProperties(),
                new StringDeserializer(), new StringDeserializer());
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        ConcurrentKafkaListenerContainerFactoryConfigurer boot = configurer.getIfAvailable();
        if (boot != null) {
            boot.configure(factory, strings);
        } else {
            factory.setConsumerFactory(strings);
        }
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    /**
     * {@code alerts.paper} as alert-service declares it (three partitions). Declared here too so that the topic exists
     * with them before this service's consumer subscribes: a topic the broker creates for a subscriber has one
     * partition, and a consumer that was assigned it did not follow the partitions alert-service added later (local
     * mode starts the services together), so it missed every alert keyed to them.
     */
    @Bean
    NewTopic alertsPaperTopic() {
        return TopicBuilder.name(AlertListener.TOPIC).partitions(3).replicas(1).build();
    }
}
