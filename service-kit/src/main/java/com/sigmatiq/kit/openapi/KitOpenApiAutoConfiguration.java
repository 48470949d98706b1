package com.sigmatiq.kit.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI document ({@code /v3/api-docs}): its title and description from {@link ApiProperties},
 * bearer-JWT security on every operation, and schemas in snake_case like the JSON on the wire (springdoc inspects
 * types with swagger-core's own Jackson 2 mapper, which does not see the application's naming strategy).
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, ModelResolver.class})
@EnableConfigurationProperties(ApiProperties.class)
public class KitOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(ApiProperties api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).version(api.version()).description(api.description()))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
