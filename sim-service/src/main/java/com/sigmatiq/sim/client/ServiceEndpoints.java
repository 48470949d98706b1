package com.sigmatiq.sim.client;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Base URLs of the services sim-service calls ({@code sigmatiq.services.*}). */
@ConfigurationProperties("sigmatiq.services")
public record ServiceEndpoints(@DefaultValue("http://localhost:8081") URI packService,
                               @DefaultValue("http://localhost:8083") URI marketDataService,
                               @DefaultValue("http://localhost:8085") URI trainingService) {
}
