package com.sigmatiq.kit.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.api.*}: what a service's OpenAPI document says of it.
 *
 * @param title       e.g. {@code Sigmatiq sweep-service}
 * @param description what the service does, one or two sentences
 * @param version     the API's version, default {@code v1}
 */
@ConfigurationProperties("sigmatiq.api")
public record ApiProperties(String title, String description, @DefaultValue("v1") String version) {

    public ApiProperties {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("sigmatiq.api.title is missing: every service's OpenAPI document has a title");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("sigmatiq.api.description is missing: every service's OpenAPI document has a description");
        }
    }
}
