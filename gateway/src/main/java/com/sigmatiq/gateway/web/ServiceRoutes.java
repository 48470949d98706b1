package com.sigmatiq.gateway.web;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.rewriteResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import com.sigmatiq.gateway.config.GatewayRoutesProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The proxy routes, one per {@code sigmatiq.gateway.routes.<name>} entry, built with Spring Cloud
 * Gateway Server Web MVC: {@code /api/<name>} and {@code /api/<name>/**}, any method, go to
 * {@code <base URL>/<name>/**} with {@code /api} stripped; method, query, headers (including
 * {@code Authorization}) and body are forwarded, and status, headers and body come back as the
 * service sent them, except that a relative {@code Location} under the service's own path gains the
 * {@code /api} prefix. Paths matched by no route fall through to a 404 problem detail.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    private static final Logger log = LoggerFactory.getLogger(ServiceRoutes.class);

    @Bean
    RouterFunction<ServerResponse> serviceRouterFunction(GatewayRoutesProperties properties) {
        RouterFunction<ServerResponse> all = request -> Optional.empty();
        for (Map.Entry<String, URI> entry : properties.routes().entrySet()) {
            String name = entry.getKey();
            URI target = entry.getValue();
            log.info("Route /api/{}/** -> {}/{}/**", name, target, name);
            all = all.and(route(name)
                    .route(path("/api/" + name).or(path("/api/" + name + "/**")), http())
                    .before(uri(target))
                    .before(stripPrefix(1))
                    // A service's "Location: /packs/x" is "/api/packs/x" on this origin.
                    .after(rewriteResponseHeader(HttpHeaders.LOCATION, "^/" + name + "(?=[/?#]|$)", "/api/" + name))
                    .build());
        }
        return all;
    }
}
