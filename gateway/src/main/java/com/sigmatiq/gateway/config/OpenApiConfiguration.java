package com.sigmatiq.gateway.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own OpenAPI document (auth and JWKS); each service documents its own API. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Schemas in snake_case like the JSON on the wire: springdoc inspects types with swagger-core's
     * own Jackson 2 mapper, which does not see {@code spring.jackson.property-naming-strategy}.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Sigmatiq gateway").version("v1")
                        .description("Registration, login (RS256 access tokens) and the JWKS. /api/<service>/** is"
                                + " proxied to the services, which publish their own OpenAPI documents."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
