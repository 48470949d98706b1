package com.sigmatiq.kit.web.openapi;

import com.sigmatiq.kit.web.security.CurrentUser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who an operation is for, as OpenAPI extensions (the caller itself is not a parameter: it comes from the token):
 * <ul>
 *   <li>{@value #ACTS_FOR_CALLER}{@code : true} on every operation whose handler takes a {@link CurrentUser}, i.e.
 *       reads or changes the caller's own resources (or records who acted);</li>
 *   <li>{@value #ROLE}{@code : <role>} on every operation whose path is one of the service's
 *       {@code sigmatiq.security.role-paths}, the role the kit's security requires for it.</li>
 * </ul>
 */
public final class CallerExtensions {

    /** The extension marking an operation that takes the caller. */
    public static final String ACTS_FOR_CALLER = "x-sigmatiq-acts-for-caller";
    /** The extension naming the role an operation requires. */
    public static final String ROLE = "x-sigmatiq-role";

    private CallerExtensions() {
    }

    /** Marks the operations whose handler method has a {@link CurrentUser} parameter. */
    public static GlobalOperationCustomizer actsForCaller() {
        return (Operation operation, HandlerMethod handler) -> {
            if (takesTheCaller(handler)) {
                operation.addExtension(ACTS_FOR_CALLER, true);
            }
            return operation;
        };
    }

    static boolean takesTheCaller(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.getParameterType() == CurrentUser.class) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names the role of each operation under a role path. Roles are tried in name order, the order the kit's security
     * registers them, so the first match is the role enforced. A path variable of the document ({@code {id}}) counts
     * as one segment: {@code /replays/**} and {@code /replays/*} match {@code /replays/{id}}.
     *
     * @param rolePaths role to its path patterns ({@code sigmatiq.security.role-paths})
     */
    public static GlobalOpenApiCustomizer roles(Map<String, List<String>> rolePaths) {
        Map<String, List<PathPattern>> patterns = new TreeMap<>();
        rolePaths.forEach((role, paths) -> patterns.put(role,
                paths.stream().map(p -> PathPatternParser.defaultInstance.parse(p.trim())).toList()));
        return (OpenAPI openApi) -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> roleOf(patterns, path).ifPresent(role -> {
                for (Operation operation : item.readOperations()) {
                    operation.addExtension(ROLE, role);
                }
            }));
        };
    }

    static Optional<String> roleOf(Map<String, List<PathPattern>> patterns, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<String, List<PathPattern>> role : patterns.entrySet()) {
            if (role.getValue().stream().anyMatch(p -> p.matches(container))) {
                return Optional.of(role.getKey());
            }
        }
        return Optional.empty();
    }
}
