package com.sigmatiq.model.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URLs of the services model-service calls ({@code sigmatiq.services.*}).
 *
 * @param packService     pack-service, default {@code http://localhost:8081}
 * @param trainingService training-service (trained models to publish), default {@code http://localhost:8085}
 */
@ConfigurationProperties("sigmatiq.services")
public record ServiceEndpoints(@DefaultValue("http://localhost:8081") URI packService,
                               @DefaultValue("http://localhost:8085") URI trainingService) {
}
