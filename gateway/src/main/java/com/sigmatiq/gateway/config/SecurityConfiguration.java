package com.sigmatiq.gateway.config;

import jakarta.servlet.http.HttpServletRequest;

import com.sigmatiq.kit.web.security.ProblemSecurityHandlers;
import com.sigmatiq.kit.web.security.ResourceServerConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless security of the gateway.
 * <ul>
 * <li>Public: {@code /api/auth/**}, {@code /.well-known/**}, {@code /actuator/health/**},
 * {@code /v3/api-docs/**}, Swagger UI, the static web UI and {@code /error}.</li>
 * <li>Proxied {@code /api/**}: passed through with or without a token (each service decides);
 * a token that is present is validated here first, so a forged or expired one is refused at the edge
 * with 401.</li>
 * <li>Everything else requires a valid token.</li>
 * </ul>
 * Every 401/403 is a problem detail (the service kit's handlers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Paths whose handlers ignore any {@code Authorization} header. */
    static final String[] PUBLIC_PATHS = {
            "/api/auth/**", "/.well-known/**", "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** The web UI (static files); GET only. */
    static final String[] STATIC_PATHS = {"/", "/index.html", "/favicon.ico", "/assets/**"};

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        ResourceServerConfiguration.stateless(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, STATIC_PATHS).permitAll()
                        .requestMatchers("/api/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(bearerTokenResolver())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> { }))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Reads {@code Authorization: Bearer} everywhere except on the public paths. */
    static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[PUBLIC_PATHS.length];
        for (int i = 0; i < PUBLIC_PATHS.length; i++) {
            matchers[i] = paths.matcher(PUBLIC_PATHS[i]);
        }
        RequestMatcher publicPaths = new OrRequestMatcher(matchers);
        return (HttpServletRequest request) -> publicPaths.matches(request) ? null : delegate.resolve(request);
    }
}
