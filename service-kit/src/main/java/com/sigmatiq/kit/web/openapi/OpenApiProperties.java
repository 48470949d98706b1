package com.sigmatiq.kit.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's OpenAPI document ({@code sigmatiq.openapi.*}), served at {@code /v3/api-docs}.
 *
 * @param title       e.g. {@code Sigmatiq model-service}; default {@code spring.application.name}
 * @param description one or two sentences on what the service does
 * @param version     the API's version, default {@code v1}
 */
@ConfigurationProperties("sigmatiq.openapi")
public record OpenApiProperties(String title, String description, @DefaultValue("v1") String version) {
}
