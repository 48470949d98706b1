package com.sigmatiq.kit.web.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.kit.web.security.ServiceSecurityProperties;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame for a service with springdoc: title and description from {@link OpenApiProperties},
 * the gateway's bearer JWT as the security scheme of every operation, and schemas in snake_case like the JSON on the
 * wire (springdoc inspects types with swagger-core's own Jackson 2 mapper, which does not see
 * {@code spring.jackson.property-naming-strategy}). Operations that take the caller, and those that need a role, say
 * so in extensions ({@link CallerExtensions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OpenApiProperties.class, ServiceSecurityProperties.class})
public class OpenApiConfiguration {

    /** The name of the bearer JWT security scheme. */
    public static final String BEARER = "bearer";

    static {
        // the caller comes from the bearer token, not from a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    /** {@value CallerExtensions#ACTS_FOR_CALLER} on operations that take the {@link CurrentUser}. */
    @Bean
    GlobalOperationCustomizer kitActsForCallerExtension() {
        return CallerExtensions.actsForCaller();
    }

    /** {@value CallerExtensions#ROLE} on operations under the service's role paths. */
    @Bean
    GlobalOpenApiCustomizer kitRoleExtension(ServiceSecurityProperties security) {
        return CallerExtensions.roles(security.rolePaths());
    }

    @Bean
    @ConditionalOnMissingBean(ModelResolver.class)
    @ConditionalOnProperty(name = "spring.jackson.property-naming-strategy", havingValue = "SNAKE_CASE")
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI kitOpenApi(OpenApiProperties properties, @Value("${spring.application.name:service}") String application) {
        return new OpenAPI()
                .info(new Info().title(properties.title() == null ? application : properties.title())
                        .version(properties.version())
                        .description(properties.description() == null ? null
                                : properties.description() + " Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
