package com.sigmatiq.kit.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who issues the tokens a service accepts ({@code sigmatiq.identity.*}). The keys come from the gateway's JWKS at
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (default {@value #DEFAULT_JWK_SET_URI}).
 *
 * @param issuer the {@code iss} claim every token must carry, default {@code sigmatiq} (the gateway)
 */
@ConfigurationProperties("sigmatiq.identity")
public record IdentityProperties(@DefaultValue("sigmatiq") String issuer) {

    /** The gateway's JWKS on a developer machine. */
    public static final String DEFAULT_JWK_SET_URI = "http://localhost:8080/.well-known/jwks.json";
}
