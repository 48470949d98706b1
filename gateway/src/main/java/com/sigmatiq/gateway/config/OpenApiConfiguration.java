package com.sigmatiq.gateway.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own OpenAPI document (auth and JWKS, no global bearer requirement: login is public); each service
 * documents its own API. Schemas are snake_case through the service kit's model resolver.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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
