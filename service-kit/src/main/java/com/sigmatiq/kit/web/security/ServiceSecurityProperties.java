package com.sigmatiq.kit.web.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a service's security adds to the kit's ({@code sigmatiq.security.*}). Everything needs a valid token except
 * the kit's public paths (health, OpenAPI, Swagger UI, {@code /error}) and {@code public-paths}; a path listed under
 * a role in {@code role-paths} needs that role in the token's {@code roles} claim. Patterns are Spring path
 * patterns ({@code /imports/**}).
 *
 * <pre>
 * sigmatiq:
 *   security:
 *     public-paths: /status
 *     role-paths:
 *       operator: /imports/**, /replays/**
 * </pre>
 *
 * @param publicPaths paths open without a token, besides the kit's
 * @param rolePaths   role ({@code operator}) to the paths that need it, any method; checked in role-name order
 */
@ConfigurationProperties("sigmatiq.security")
public record ServiceSecurityProperties(List<String> publicPaths, Map<String, List<String>> rolePaths) {

    /** Open on every service: health probes, the OpenAPI document, Swagger UI and the error path. */
    public static final List<String> KIT_PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error");

    public ServiceSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        rolePaths = rolePaths == null ? Map.of() : new TreeMap<>(rolePaths);
        rolePaths.forEach((role, paths) -> {
            if (!Roles.NAME.matcher(role).matches()) {
                throw new IllegalArgumentException("sigmatiq.security.role-paths." + role
                        + ": a role is a lower-case word such as 'operator'");
            }
            if (paths == null || paths.isEmpty()) {
                throw new IllegalArgumentException("sigmatiq.security.role-paths." + role + ": list at least one path");
            }
        });
    }

    /** The kit's public paths and the service's. */
    public List<String> allPublicPaths() {
        return java.util.stream.Stream.concat(KIT_PUBLIC_PATHS.stream(), publicPaths.stream()).distinct().toList();
    }
}
