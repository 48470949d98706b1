package com.sigmatiq.reliability;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every operation of the services' live OpenAPI documents, as the gateway exposes it ({@code /api} + the service's
 * path), with what the suites need to know: its parameters and body, whether it acts for the caller (the kit's
 * {@code x-sigmatiq-acts-for-caller} extension, on operations that take the {@code CurrentUser}), whether it streams,
 * and the role it requires (the kit's {@code x-sigmatiq-role}, checked against the running service's
 * {@code sigmatiq.security.role-paths.<role>}).
 */
final class ApiCatalog {

    private static final List<String> ROLES = List.of("operator", "service");
    static final String ACTS_FOR_CALLER = "x-sigmatiq-acts-for-caller";
    static final String ROLE = "x-sigmatiq-role";

    /** One operation. */
    record Endpoint(String module, String method, String path, List<JsonNode> parameters, JsonNode requestBody,
                    boolean ownedByCaller, boolean eventStream, String role, JsonNode document) {

        String gatewayPath() {
            return module.equals("gateway") ? path : "/api" + path;
        }

        List<String> pathParameters() {
            return parameters.stream().filter(p -> "path".equals(p.path("in").asString()))
                    .map(p -> p.get("name").asString()).toList();
        }

        List<JsonNode> queryParameters() {
            return parameters.stream().filter(p -> "query".equals(p.path("in").asString())).toList();
        }

        List<String> bodyTypes() {
            List<String> types = new ArrayList<>();
            if (requestBody != null) {
                requestBody.path("content").propertyNames().forEach(types::add);
            }
            return types;
        }

        JsonNode bodySchema(String contentType) {
            return requestBody == null ? null : requestBody.path("content").path(contentType).path("schema");
        }

        boolean isPublic() {
            return module.equals("gateway");
        }

        @Override
        public String toString() {
            return method + " " + gatewayPath();
        }
    }

    private ApiCatalog() {
    }

    static List<Endpoint> read(Platform platform) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> doc : platform.openApiDocuments().entrySet()) {
            String module = doc.getKey();
            Map<String, List<String>> rolePaths = new java.util.LinkedHashMap<>();
            if (!module.equals("gateway")) {
                for (String role : ROLES) {
                    String paths = platform.services.property(module, "sigmatiq.security.role-paths." + role);
                    if (paths != null) {
                        rolePaths.put(role, List.of(paths.split("\\s*,\\s*")));
                    }
                }
            }
            for (Map.Entry<String, JsonNode> path : doc.getValue().path("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    JsonNode operation = op.getValue();
                    List<JsonNode> parameters = new ArrayList<>();
                    operation.path("parameters").forEach(parameters::add);
                    boolean owned = operation.path(ACTS_FOR_CALLER).asBoolean(false);
                    boolean stream = false;
                    for (JsonNode response : operation.path("responses")) {
                        stream |= response.path("content").has("text/event-stream");
                    }
                    String role = operation.hasNonNull(ROLE) ? operation.get(ROLE).asString() : null;
                    String configured = null;
                    for (Map.Entry<String, List<String>> r : rolePaths.entrySet()) {
                        if (configured == null
                                && r.getValue().stream().anyMatch(pattern -> matches(pattern, path.getKey()))) {
                            configured = r.getKey();
                        }
                    }
                    if (!java.util.Objects.equals(role, configured)) {
                        throw new IllegalStateException(module + " " + op.getKey() + " " + path.getKey() + ": the document"
                                + " says role " + role + ", the service's role paths " + configured);
                    }
                    JsonNode body = operation.get("requestBody");
                    endpoints.add(new Endpoint(module, op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            List.copyOf(parameters), body, owned, stream, role, doc.getValue()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::module).thenComparing(Endpoint::path)
                .thenComparing(Endpoint::method));
        return endpoints;
    }

    /** Spring path patterns as the role paths use them: exact, or a prefix ending in {@code /**}. */
    static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/**")) {
            String prefix = pattern.substring(0, pattern.length() - 3);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return pattern.equals(path);
    }

    /** A {@code $ref}'d schema resolved against its document (one level at a time). */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        int hops = 0;
        while (s != null && s.has("$ref") && hops++ < 20) {
            String ref = s.get("$ref").asString();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            s = document.path("components").path("schemas").path(name);
        }
        return s;
    }
}
