package com.sigmatiq.local;

import java.util.Objects;

/**
 * One service that local mode starts.
 *
 * @param module    Maven module directory, e.g. {@code model-service}; its runtime class path is read from there
 * @param mainClass the {@code @SpringBootApplication} class, e.g. {@code com.sigmatiq.model.ModelServiceApplication}
 * @param port      HTTP port
 * @param schema    the PostgreSQL schema it owns (put into its JDBC URL as {@code currentSchema})
 * @param route     the gateway route name that forwards to it ({@code sigmatiq.gateway.routes.<route>}), or {@code null}
 */
public record LocalService(String module, String mainClass, int port, String schema, String route) {

    public LocalService {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(schema, "schema");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A service the gateway does not route to (the gateway itself). */
    public static LocalService service(String module, String mainClass, int port, String schema) {
        return new LocalService(module, mainClass, port, schema, null);
    }

    /** The same service, reachable through the gateway as {@code /api/<route>/**}. */
    public LocalService routedAs(String routeName) {
        return new LocalService(module, mainClass, port, schema, Objects.requireNonNull(routeName, "routeName"));
    }

    /** The same service on another port (tests run the platform on free ports). */
    public LocalService withPort(int newPort) {
        return new LocalService(module, mainClass, newPort, schema, route);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
