package com.sigmatiq.gateway.config;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sigmatiq.gateway.routes.<name>=<base URL>}: each entry proxies {@code /api/<name>/**} to
 * {@code <base URL>/<name>/**}. A later service joins with one property line, e.g.
 * {@code sigmatiq.gateway.routes.sweeps=http://localhost:8084}.
 *
 * @param routes route name (a lower-case path segment) to the service's base URL (scheme, host, port)
 */
@ConfigurationProperties("sigmatiq.gateway")
public record GatewayRoutesProperties(Map<String, URI> routes) {

    private static final Pattern ROUTE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public GatewayRoutesProperties {
        routes = routes == null ? Map.of() : new TreeMap<>(routes);
        routes.forEach((name, uri) -> {
            if (!ROUTE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("sigmatiq.gateway.routes." + name
                        + ": the route name must be a lower-case path segment ([a-z0-9-]+)");
            }
            if (uri == null || uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("sigmatiq.gateway.routes." + name
                        + ": expected an http(s) base URL such as http://localhost:8081, got " + uri);
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                throw new IllegalArgumentException("sigmatiq.gateway.routes." + name
                        + ": the base URL must not have a path (the route keeps /" + name + "/...), got " + uri);
            }
        });
        routes = Collections.unmodifiableMap(routes);
    }
}
