package com.sigmatiq.model.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who issues the tokens this service accepts ({@code sigmatiq.identity.*}).
 *
 * @param issuer the {@code iss} claim every token must carry, default {@code sigmatiq} (the gateway)
 */
@ConfigurationProperties("sigmatiq.identity")
public record IdentityProperties(@DefaultValue("sigmatiq") String issuer) {
}
