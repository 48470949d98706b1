package com.sigmatiq.kit.web.security;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, from the gateway's token. A controller takes it as a parameter
 * ({@code ModelView get(CurrentUser user, ...)}); elsewhere {@link #current()} reads it from the security context.
 *
 * @param id       the user id, the token's {@code sub}; what services store as the owner
 * @param username the {@code preferred_username} claim (may be null for tokens without it)
 * @param roles    the {@code roles} claim ({@code user}, {@code operator}); empty when the token has none
 * @param token    the bearer token as sent, for calls to other services made on the caller's behalf
 */
public record CurrentUser(String id, String username, List<String> roles, String token) {

    public CurrentUser {
        Objects.requireNonNull(id, "id");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return hasRole(Roles.OPERATOR);
    }

    /** The caller of the request this thread serves, if it carried a valid token. */
    public static Optional<CurrentUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<CurrentUser> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(new CurrentUser(jwt.getToken().getSubject(), jwt.getToken().getClaimAsString("preferred_username"),
                    Roles.of(jwt.getToken()), jwt.getToken().getTokenValue()));
        }
        return Optional.empty();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "CurrentUser[id=" + id + ", username=" + username + ", roles=" + roles + "]";
    }
}
