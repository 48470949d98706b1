package com.sigmatiq.clients;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Base URLs of the platform's services ({@code sigmatiq.services.*}; the defaults are local mode's ports). */
@ConfigurationProperties("sigmatiq.services")
public record ServiceEndpoints(@DefaultValue("http://localhost:8081") URI packService,
                               @DefaultValue("http://localhost:8082") URI modelService,
                               @DefaultValue("http://localhost:8083") URI marketDataService,
                               @DefaultValue("http://localhost:8085") URI trainingService,
                               @DefaultValue("http://localhost:8086") URI alertService) {
}
