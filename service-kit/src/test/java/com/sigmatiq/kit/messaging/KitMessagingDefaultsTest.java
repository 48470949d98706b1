package com.sigmatiq.kit.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's Modulith defaults apply unless the service says otherwise. */
class KitMessagingDefaultsTest {

    @Test
    void defaultsComeLastSoTheServicesOwnSettingsWin() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("spring.modulith.events.republish-outstanding-events-on-restart", "false")));

        new KitMessagingDefaults().postProcessEnvironment(environment, new SpringApplication());
        new KitMessagingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.modulith.events.kafka.enable-json")).isEqualTo("false");
        assertThat(environment.getProperty("spring.modulith.events.jdbc.schema-initialization.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart")).isEqualTo("false");
        assertThat(environment.getPropertySources().stream().map(s -> s.getName())
                .filter(KitMessagingDefaults.PROPERTY_SOURCE_NAME::equals)).hasSize(1);
        assertThat(environment.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
                .isEqualTo(KitMessagingDefaults.PROPERTY_SOURCE_NAME);
    }
}
