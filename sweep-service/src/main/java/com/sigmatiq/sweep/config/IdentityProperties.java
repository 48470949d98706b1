package com.sigmatiq.sweep.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Who issues the tokens this service accepts ({@code sigmatiq.identity.issuer}, default {@code sigmatiq}). */
@ConfigurationProperties("sigmatiq.identity")
public record IdentityProperties(@DefaultValue("sigmatiq") String issuer) {
}
