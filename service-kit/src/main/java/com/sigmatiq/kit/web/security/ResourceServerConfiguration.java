package com.sigmatiq.kit.web.security;

import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service as an OAuth2 resource server of the gateway: RS256 tokens checked against the gateway's JWKS
 * ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, default
 * {@value IdentityProperties#DEFAULT_JWK_SET_URI}) and issuer ({@code sigmatiq.identity.issuer}); the token's
 * {@code roles} claim as {@code ROLE_<role>} authorities; stateless, no session, no CSRF token. Open: the kit's and
 * the service's public paths ({@link ServiceSecurityProperties}); a role path needs its role; everything else a
 * valid token. 401 and 403 are problem details ({@link ProblemSecurityHandlers}). A service with its own
 * {@link SecurityFilterChain} or {@link JwtDecoder} bean (the gateway) keeps it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, ServiceSecurityProperties.class})
public class ResourceServerConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:"
            + IdentityProperties.DEFAULT_JWK_SET_URI + "}") String jwkSetUri, IdentityProperties identity) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(identity.issuer()));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain kitSecurityFilterChain(HttpSecurity http, JsonMapper json, ServiceSecurityProperties properties,
                                               ObjectProvider<AuthorizationCustomizer> customizers) throws Exception {
        Map<String, RequestMatcher> rolePaths = rolePaths(properties);
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json, rolePaths);
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new Roles());
        stateless(http)
                .authorizeHttpRequests(rules -> {
                    // the end of a server-sent event stream and an error page are dispatches of an already checked request
                    rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    rules.requestMatchers(or(properties.allPublicPaths())).permitAll();
                    rolePaths.forEach((role, matcher) -> rules.requestMatchers(matcher).hasRole(role));
                    customizers.orderedStream().forEach(c -> c.customize(rules));
                    rules.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * A token-only API: no CSRF token, session, HTTP basic, login form, logout or saved request. The gateway's own
     * chain starts from it too.
     */
    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    private static Map<String, RequestMatcher> rolePaths(ServiceSecurityProperties properties) {
        Map<String, RequestMatcher> out = new LinkedHashMap<>();
        properties.rolePaths().forEach((role, paths) -> out.put(role, or(paths)));
        return out;
    }

    private static RequestMatcher or(List<String> patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(patterns.stream().map(p -> (RequestMatcher) paths.matcher(p.trim())).toList());
    }
}
