package com.sigmatiq.clients;

import com.sigmatiq.kit.identity.ServiceTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** {@link PlatformServices} for a service that has this module, at the addresses of {@link ServiceEndpoints}. */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@EnableConfigurationProperties(ServiceEndpoints.class)
public class ClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PlatformServices platformServices(ObjectProvider<RestClient.Builder> builder, ServiceEndpoints endpoints,
                                      ObjectProvider<ServiceTokens> tokens, JsonMapper json, Environment environment) {
        return new PlatformServices(environment.getProperty("spring.application.name", "this service"),
                builder.getIfAvailable(RestClient::builder), endpoints, tokens, json);
    }
}
