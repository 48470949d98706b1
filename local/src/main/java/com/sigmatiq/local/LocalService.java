package com.sigmatiq.local;

import java.util.List;
import java.util.Objects;

/**
 * One service that local mode starts.
 *
 * @param module    Maven module directory, e.g. {@code model-service}; its runtime class path is read from there
 * @param mainClass the {@code @SpringBootApplication} class, e.g. {@code com.sigmatiq.model.ModelServiceApplication}
 * @param port      HTTP port
 * @param schema    the PostgreSQL schema it owns (put into its JDBC URL as {@code currentSchema})
 * @param routes    the gateway route names that forward to it ({@code sigmatiq.gateway.routes.<route>}); empty for none
 */
public record LocalService(String module, String mainClass, int port, String schema, List<String> routes) {

    public LocalService {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(schema, "schema");
        routes = List.copyOf(routes);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A service the gateway does not route to (the gateway itself). */
    public static LocalService service(String module, String mainClass, int port, String schema) {
        return new LocalService(module, mainClass, port, schema, List.of());
    }

    /** The same service, reachable through the gateway as {@code /api/<route>/**} for each route name. */
    public LocalService routedAs(String... routeNames) {
        return new LocalService(module, mainClass, port, schema, List.of(routeNames));
    }

    /** The same service on another port (tests run the platform on free ports). */
    public LocalService withPort(int newPort) {
        return new LocalService(module, mainClass, newPort, schema, routes);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
