package com.sigmatiq.pack.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** OpenAPI document metadata ({@code /v3/api-docs}); every operation takes the gateway's bearer JWT. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Sigmatiq pack-service", version = "v1",
        description = "Strategy packs and their immutable versions. Errors are RFC 9457 problem details."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfig {
}
