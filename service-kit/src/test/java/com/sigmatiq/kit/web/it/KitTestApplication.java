package com.sigmatiq.kit.web.it;

import com.sigmatiq.kit.web.security.AuthorizationCustomizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** A service with no database: the kit and {@link ThingsController}, as a service would use them. */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        // the kit's messaging tests put Spring Modulith's event publication registry on this module's test class path
        "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
        "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
        "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
        "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration"})
public class KitTestApplication {

    /** One rule the properties cannot say: reads of {@code /calendar/**} need no token. */
    @Bean
    AuthorizationCustomizer openCalendarReads() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/calendar/**").permitAll();
    }
}
