package com.sigmatiq.gateway.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The web UI (module {@code web-ui}, on the class path under {@code static/}): Spring Boot serves its files and
 * {@code index.html} at {@code /}; {@link SpaFallbackFilter} answers the app's deep links with {@code index.html}
 * before the security chain sees them, so a screen's URL opens the app rather than a 401.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfiguration {

    @Bean
    FilterRegistrationBean<SpaFallbackFilter> spaFallbackFilter() {
        FilterRegistrationBean<SpaFallbackFilter> registration = new FilterRegistrationBean<>(new SpaFallbackFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
