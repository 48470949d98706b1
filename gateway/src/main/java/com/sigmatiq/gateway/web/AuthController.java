package com.sigmatiq.gateway.web;

import com.sigmatiq.gateway.domain.AccountService;
import com.sigmatiq.gateway.domain.ServiceAccounts;
import com.sigmatiq.gateway.domain.InvalidCredentialsException;
import com.sigmatiq.gateway.domain.IssuedToken;
import com.sigmatiq.gateway.domain.LoginThrottle;
import com.sigmatiq.gateway.domain.TokenIssuer;
import com.sigmatiq.gateway.domain.UserAccount;
import com.sigmatiq.gateway.web.AuthRequests.AccessTokenResponse;
import com.sigmatiq.gateway.web.AuthRequests.LoginRequest;
import com.sigmatiq.gateway.web.AuthRequests.RegisterRequest;
import com.sigmatiq.gateway.web.AuthRequests.RegisteredUser;
import com.sigmatiq.gateway.web.AuthRequests.ServiceTokenRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, login and service tokens; all public (each checks its own credentials). */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth", description = "Users and access tokens")
class AuthController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final AccountService accounts;
    private final TokenIssuer tokens;
    private final ServiceAccounts services;
    private final LoginThrottle throttle;

    AuthController(AccountService accounts, TokenIssuer tokens, ServiceAccounts services, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.services = services;
        this.throttle = throttle;
    }

    /** A platform service's token (role {@code service}), for the service secret shared with the gateway. */
    @PostMapping(path = "/service-token", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a platform service its own token", responses = {
            @ApiResponse(responseCode = "200", description = "token issued"),
            @ApiResponse(responseCode = "401", description = "service tokens are off, or the secret is wrong",
                    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))})
    AccessTokenResponse serviceToken(@Valid @RequestBody ServiceTokenRequest request) {
        IssuedToken token = services.issue(request.service(), request.secret());
        return new AccessTokenResponse(token.value(), "Bearer", token.lifetimeSeconds());
    }

    @PostMapping(path = "/register", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a user", responses = {
            @ApiResponse(responseCode = "201", description = "registered"),
            @ApiResponse(responseCode = "400", description = "invalid username or password; 'errors' names the fields",
                    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "409", description = "username taken",
                    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))})
    RegisteredUser register(@Valid @RequestBody RegisterRequest request) {
        UserAccount account = accounts.register(request.username(), request.password());
        return new RegisteredUser(account.id(), account.username());
    }

    @PostMapping(path = "/login", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log in and receive an RS256 access token", responses = {
            @ApiResponse(responseCode = "200", description = "token issued"),
            @ApiResponse(responseCode = "400", description = "missing username or password",
                    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "401", description = "unknown user or wrong password",
                    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
            @ApiResponse(responseCode = "429", description = "too many failed logins: wait Retry-After seconds",
                    content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))})
    AccessTokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        throttle.check(request.username(), address).ifPresent(refusal -> {
            throw new LoginThrottledException(refusal);
        });
        UserAccount account;
        try {
            account = accounts.authenticate(request.username(), request.password());
        } catch (InvalidCredentialsException e) {
            throttle.failed(request.username(), address);
            throw e;
        }
        throttle.succeeded(request.username(), address);
        IssuedToken token = tokens.issue(account);
        return new AccessTokenResponse(token.value(), "Bearer", token.lifetimeSeconds());
    }
}
