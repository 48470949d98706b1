package com.sigmatiq.pilot.messaging;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener factory of {@code alerts.live}: plain strings, and, as the kit's event listeners, a record whose
 * handling fails is taken again after 1, 2, 4 … 30 s without end (a stored alert is never passed over; a document
 * that is not an alert is skipped by the listener itself).
 */
@Configuration(proxyBeanMethods = false)
class AlertListenerConfiguration {

    static final String FACTORY = "pilotAlertListenerFactory";

    @Bean(FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<Object, Object> pilotAlertListenerFactory(ConsumerFactory<?, ?> consumers,
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
        // offsets still committed after the listener returns, without waiting for the broker's answer: a commit that is
        // lost only redelivers alerts, which change nothing (an alert already seen is skipped by its id)
        factory.getContainerProperties().setSyncCommits(false);
        return factory;
    }
}
