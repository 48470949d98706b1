package com.sigmatiq.model.web;

import com.sigmatiq.model.domain.FieldError;
import com.sigmatiq.model.domain.ModelConflictException;
import com.sigmatiq.model.domain.ModelNotFoundException;
import com.sigmatiq.model.domain.ModelValidationException;
import com.sigmatiq.model.domain.PackUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Domain errors as RFC 9457 problem details. Validation problems carry an {@code errors} member:
 * {@code [{field, message, valid_choices?}]}. Nothing unexpected leaks: an unhandled exception is logged
 * and answered with a plain 500 problem.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ModelValidationException.class)
    ProblemDetail invalid(ModelValidationException e) {
        int n = e.errors().size();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                n == 1 ? e.errors().get(0).message() : n + " problems with the request");
        p.setTitle("Invalid model request");
        p.setProperty("errors", e.errors().stream().map(ProblemDetailsAdvice::toMap).toList());
        return p;
    }

    @ExceptionHandler(ModelNotFoundException.class)
    ProblemDetail notFound(ModelNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Model not found");
        return p;
    }

    @ExceptionHandler(ModelConflictException.class)
    ProblemDetail conflict(ModelConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        return p;
    }

    @ExceptionHandler(PackUnavailableException.class)
    ProblemDetail packUnavailable(PackUnavailableException e) {
        log.warn("pack-service unavailable: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "packs cannot be read right now; try again shortly");
        p.setTitle("Pack service unavailable");
        return p;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unhandled error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred");
        p.setTitle("Internal error");
        return p;
    }

    /** Malformed JSON or a value of the wrong type: name the field where Jackson can tell. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this request");
        p.setTitle("Unreadable request");
        if (ex.getCause() instanceof JacksonException je && !je.getPath().isEmpty()) {
            String field = fieldPath(je.getPath());
            p.setProperty("errors", List.of(toMap(FieldError.of(field, "wrong type or malformed value for " + field))));
        }
        return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    static Map<String, Object> toMap(FieldError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", e.field());
        m.put("message", e.message());
        if (!e.validChoices().isEmpty()) {
            m.put("valid_choices", e.validChoices());
        }
        return m;
    }
}
