package com.sigmatiq.model.web;

import com.sigmatiq.kit.web.problem.Problems;
import com.sigmatiq.model.domain.ModelConflictException;
import com.sigmatiq.model.domain.ModelNotFoundException;
import com.sigmatiq.model.domain.PackUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * model-service's own errors as RFC 9457 problem details; validation errors ({@code ModelValidationException}), bad
 * bodies and anything unexpected are the service kit's.
 */
@RestControllerAdvice
class ModelProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ModelProblemAdvice.class);

    @ExceptionHandler(ModelNotFoundException.class)
    ProblemDetail notFound(ModelNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Model not found", e.getMessage());
    }

    @ExceptionHandler(ModelConflictException.class)
    ProblemDetail conflict(ModelConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler(PackUnavailableException.class)
    ProblemDetail packUnavailable(PackUnavailableException e) {
        log.warn("pack-service unavailable: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Pack service unavailable",
                "packs cannot be read right now; try again shortly");
    }
}
