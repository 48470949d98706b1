package com.sigmatiq.kit.web.security;

import com.sigmatiq.kit.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security's 401 and 403 as RFC 9457 problem details. The bearer-token handlers set the status and the
 * {@code WWW-Authenticate} header (RFC 6750); this adds a body that says what to do: send a token, send a valid one,
 * or ask for the role the path needs.
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final Map<String, RequestMatcher> rolePaths;
    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();

    /**
     * @param rolePaths role to the requests that need it, to name the missing role in a 403
     */
    public ProblemSecurityHandlers(JsonMapper json, Map<String, RequestMatcher> rolePaths) {
        this.json = json;
        this.rolePaths = Map.copyOf(rolePaths);
    }

    public ProblemSecurityHandlers(JsonMapper json) {
        this(json, Map.of());
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        String detail;
        if (e instanceof OAuth2AuthenticationException o && o.getError().getDescription() != null) {
            detail = "The bearer token was rejected: " + o.getError().getDescription();
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            detail = "A bearer token is required (Authorization: Bearer <token from POST /api/auth/login>).";
        } else {
            detail = "The bearer token is invalid or expired.";
        }
        Problems.write(request, response, json, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized", detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        deniedHandler.handle(request, response, e);
        String detail = "The token does not allow this request.";
        for (Map.Entry<String, RequestMatcher> rule : rolePaths.entrySet()) {
            if (rule.getValue().matches(request)) {
                List<String> roles = CurrentUser.current().map(CurrentUser::roles).orElse(List.of());
                detail = "This request needs the role '" + rule.getKey() + "'; the token has " + (roles.isEmpty()
                        ? "no roles" : "the roles " + roles) + ". An operator makes a user an operator (docs/operations.md).";
                break;
            }
        }
        Problems.write(request, response, json, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", detail));
    }
}
