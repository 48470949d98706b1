package com.sigmatiq.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GatewayRoutesPropertiesTest {

    @Test
    void aServiceJoinsWithOnePropertyLine() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "sigmatiq.gateway.routes.packs", "http://localhost:8081",
                "sigmatiq.gateway.routes.models", "http://localhost:8082",
                "sigmatiq.gateway.routes.sweeps", "http://sweep-service:8084"));
        GatewayRoutesProperties properties = new Binder(source)
                .bind("sigmatiq.gateway", GatewayRoutesProperties.class).get();
        assertThat(properties.routes()).containsExactly(
                Map.entry("models", URI.create("http://localhost:8082")),
                Map.entry("packs", URI.create("http://localhost:8081")),
                Map.entry("sweeps", URI.create("http://sweep-service:8084")));
    }

    @Test
    void refusesNamesThatAreNotAPathSegment() {
        assertThatThrownBy(() -> new GatewayRoutesProperties(Map.of("Packs/x", URI.create("http://localhost:1"))))
                .hasMessageContaining("sigmatiq.gateway.routes.Packs/x");
    }

    @Test
    void refusesBaseUrlsWithoutHostOrWithAPath() {
        assertThatThrownBy(() -> new GatewayRoutesProperties(Map.of("packs", URI.create("localhost:8081"))))
                .hasMessageContaining("http(s) base URL");
        assertThatThrownBy(() -> new GatewayRoutesProperties(Map.of("packs", URI.create("http://localhost:8081/v1"))))
                .hasMessageContaining("must not have a path");
    }

    @Test
    void noRoutesIsAllowed() {
        assertThat(new GatewayRoutesProperties(null).routes()).isEmpty();
    }
}
