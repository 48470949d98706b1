package com.sigmatiq.gateway.web;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;

import com.sigmatiq.gateway.domain.InvalidCredentialsException;
import com.sigmatiq.gateway.domain.UsernameTakenException;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.Problems;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;

/**
 * The gateway's own errors as RFC 9457 problem details: a taken username (409 naming the field), bad credentials
 * (401), an unreachable service (502/504). Fields the domain refuses ({@code InvalidFieldException}), validation of
 * request bodies, Spring MVC's errors and anything unexpected (500 without internals) are the service kit's.
 */
@RestControllerAdvice
class GatewayExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @ExceptionHandler(UsernameTakenException.class)
    ProblemDetail usernameTaken(UsernameTakenException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Username taken", ex.getMessage());
        problem.setProperty(Problems.ERRORS, List.of(FieldError.of("username", "is already taken")));
        return problem;
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "Invalid credentials", ex.getMessage()));
    }

    /** Too many failed logins: 429 with {@code Retry-After} in whole seconds (at least 1). */
    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> loginThrottled(LoginThrottledException ex) {
        long seconds = Math.max(1, (ex.refusal().retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                ex.refusal().reason() + "; try again in " + seconds + " s");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    /**
     * The proxied service could not be reached (connection refused, unknown host, connect timeout:
     * 502) or did not answer within {@code spring.http.clients.read-timeout} (504).
     */
    @ExceptionHandler({ResourceAccessException.class, ConnectException.class, HttpTimeoutException.class})
    ProblemDetail downstreamUnreachable(Exception ex, HttpServletRequest request) {
        Throwable cause = ex instanceof ResourceAccessException && ex.getCause() != null ? ex.getCause() : ex;
        boolean readTimeout = cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException);
        log.warn("Downstream service failed for {} {}: {}", request.getMethod(), request.getRequestURI(), cause.toString());
        ProblemDetail problem = readTimeout
                ? Problems.of(HttpStatus.GATEWAY_TIMEOUT, "Service timeout", "The service behind this path did not answer in time.")
                : Problems.of(HttpStatus.BAD_GATEWAY, "Service unreachable", "The service behind this path is not reachable.");
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
