package com.sigmatiq.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpaFallbackFilterTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Test
    void browserNavigationsToScreensMatch() {
        assertThat(SpaFallbackFilter.matches("GET", "/models/spy_swing_momentum_v1", HTML)).isTrue();
        assertThat(SpaFallbackFilter.matches("GET", "/sweeps/1/results/15", HTML)).isTrue();
        assertThat(SpaFallbackFilter.matches("HEAD", "/login", HTML)).isTrue();
        assertThat(SpaFallbackFilter.matches("GET", "/apis-are-not-api", HTML)).isTrue();
    }

    @Test
    void apiGatewayPathsFilesOtherMethodsAndNonHtmlDoNot() {
        assertThat(SpaFallbackFilter.matches("GET", "/api/models", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/api", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/actuator/health", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/v3/api-docs", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/swagger-ui/index.html", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/.well-known/jwks.json", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/assets/index-abc.js", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/favicon.ico", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("POST", "/models/x", HTML)).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/models/x", "application/json")).isFalse();
        assertThat(SpaFallbackFilter.matches("GET", "/models/x", null)).isFalse();
    }
}
