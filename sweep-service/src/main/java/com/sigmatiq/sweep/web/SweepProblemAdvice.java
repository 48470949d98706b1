package com.sigmatiq.sweep.web;

import com.sigmatiq.kit.web.problem.Problems;
import com.sigmatiq.sweep.domain.SweepConflictException;
import com.sigmatiq.sweep.domain.SweepNotFoundException;
import com.sigmatiq.sweep.domain.UpstreamUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * sweep-service's own errors as RFC 9457 problem details; validation errors ({@code SweepValidationException}), bad
 * bodies and anything unexpected are the service kit's.
 */
@RestControllerAdvice
class SweepProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(SweepProblemAdvice.class);

    @ExceptionHandler(SweepNotFoundException.class)
    ProblemDetail notFound(SweepNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Sweep not found", e.getMessage());
    }

    @ExceptionHandler(SweepConflictException.class)
    ProblemDetail conflict(SweepConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(UpstreamUnavailableException.class)
    ProblemDetail upstream(UpstreamUnavailableException e) {
        log.warn("upstream unavailable: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Upstream service unavailable",
                "models, packs or bars cannot be read right now; try again shortly");
    }
}
