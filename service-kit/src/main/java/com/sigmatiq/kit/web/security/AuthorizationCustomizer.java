package com.sigmatiq.kit.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * For what properties cannot say (a rule per HTTP method, say): a bean of this type adds authorization rules after
 * the kit's public and role paths and before "every other request needs a valid token".
 *
 * <pre>{@code
 * @Bean
 * AuthorizationCustomizer readsAreOpen() {
 *     return rules -> rules.requestMatchers(HttpMethod.GET, "/calendar/**").permitAll();
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AuthorizationCustomizer {

    void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
