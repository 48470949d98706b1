package com.sigmatiq.kit.messaging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Spring Modulith settings the kit's outbox relies on, as defaults below every other property source (a service's
 * {@code application.yaml} still wins):
 * <ul>
 *   <li>{@code spring.modulith.events.kafka.enable-json=false}: the kit writes the JSON itself
 *       ({@link EventEnvelopeCodec}); Modulith's own JSON mode would also switch the service's Kafka serializers to
 *       bytes and break its other {@code KafkaTemplate<String, String>} sends;</li>
 *   <li>{@code spring.modulith.events.republish-outstanding-events-on-restart=true}: what was committed but not sent
 *       before a stop or a crash is sent at the next start;</li>
 *   <li>{@code spring.modulith.events.jdbc.schema-initialization.enabled=false}: the table comes from Flyway
 *       ({@code classpath:db/kit/outbox}).</li>
 * </ul>
 */
public class KitMessagingDefaults implements EnvironmentPostProcessor {

    /** Name of the property source added. */
    public static final String PROPERTY_SOURCE_NAME = "sigmatiqKitMessagingDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.modulith.events.kafka.enable-json", "false",
                "spring.modulith.events.republish-outstanding-events-on-restart", "true",
                "spring.modulith.events.jdbc.schema-initialization.enabled", "false")));
    }
}
