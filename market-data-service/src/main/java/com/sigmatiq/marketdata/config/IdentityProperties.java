package com.sigmatiq.marketdata.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code sigmatiq.identity.*}: the issuer every accepted token must carry. */
@ConfigurationProperties("sigmatiq.identity")
public record IdentityProperties(@DefaultValue("sigmatiq") String issuer) {
}
