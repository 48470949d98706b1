package com.sigmatiq.gateway.web;

import java.util.UUID;

import com.sigmatiq.gateway.domain.AccountService;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@code /api/auth/*} (snake_case on the wire). */
final class AuthRequests {

    private AuthRequests() {
    }

    /** {@code POST /api/auth/register}. */
    record RegisterRequest(
            @Schema(example = "alice", description = "3 to 40 characters of a-z, 0-9, '_', '.', '-'")
            @NotNull @Pattern(regexp = AccountService.USERNAME_PATTERN,
                    message = "must be 3 to 40 characters of a-z, 0-9, '_', '.', '-'")
            String username,
            @Schema(example = "correct-horse-battery", description = "at least 8 characters, at most 72 bytes")
            @NotNull @Size(min = AccountService.PASSWORD_MIN_LENGTH, max = AccountService.PASSWORD_MAX_BYTES,
                    message = "must be 8 to 72 characters")
            String password) {

        @Override
        public String toString() {
            return "RegisterRequest[username=" + username + "]";
        }
    }

    /** {@code 201} answer to a registration. */
    record RegisteredUser(UUID userId, String username) {
    }

    /** {@code POST /api/auth/service-token}: a platform service and the shared service secret. */
    record ServiceTokenRequest(@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,40}", message = "must be a service name such as alert-service")
                               String service, @NotBlank String secret) {

        @Override
        public String toString() {
            return "ServiceTokenRequest[service=" + service + "]";
        }
    }

    /** {@code POST /api/auth/login}. */
    record LoginRequest(@NotBlank String username, @NotBlank String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /** {@code 200} answer to a login: an OAuth2-style bearer token. */
    record AccessTokenResponse(
            @Schema(description = "RS256 JWT; send as 'Authorization: Bearer <token>'") String accessToken,
            @Schema(example = "Bearer") String tokenType,
            @Schema(description = "seconds until the token expires", example = "3600") long expiresIn) {
    }
}
