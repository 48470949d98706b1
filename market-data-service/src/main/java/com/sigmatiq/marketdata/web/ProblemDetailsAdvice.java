package com.sigmatiq.marketdata.web;

import com.sigmatiq.marketdata.domain.BarsNotFoundException;
import com.sigmatiq.marketdata.domain.RowProblem;
import com.sigmatiq.marketdata.feed.ReplayConflictException;
import com.sigmatiq.marketdata.feed.ReplayNotFoundException;
import com.sigmatiq.marketdata.importing.ImportFileException;
import com.sigmatiq.marketdata.importing.ImportRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors as RFC 9457 problem details: {@code errors: [{field, message}]} for bad parameters,
 * {@code errors: [{file, line, column, message}]} plus the whole {@code report} for refused imports. Never a stack
 * trace: anything unexpected is logged and answered with a plain 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(FieldException.class)
    ProblemDetail field(FieldException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid request");
        String msg = String.valueOf(e.getMessage());
        int colon = msg.indexOf(':');
        if (colon > 0 && msg.substring(0, colon).matches("[a-z_]+")) {
            p.setProperty("errors", List.of(Map.of("field", msg.substring(0, colon), "message", msg.substring(colon + 1).trim())));
        }
        return p;
    }

    @ExceptionHandler(ImportFileException.class)
    ProblemDetail unreadable(ImportFileException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle("Bar file cannot be imported");
        p.setProperty("errors", List.of(fileError(e.file(), e.line(), e.getMessage())));
        return p;
    }

    @ExceptionHandler(ImportRefusedException.class)
    ProblemDetail refused(ImportRefusedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        p.setTitle("Import refused");
        p.setProperty("import_id", e.report().importId());
        List<Map<String, Object>> errors = new java.util.ArrayList<>();
        for (RowProblem r : e.report().problems()) {
            errors.add(fileError(e.report().fileName(), r.line(), r.reason()));
        }
        p.setProperty("errors", errors);
        p.setProperty("report", e.report());
        return p;
    }

    @ExceptionHandler({BarsNotFoundException.class, ReplayNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler(ReplayConflictException.class)
    ProblemDetail conflict(ReplayConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Conflict");
        return p;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("unhandled error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred");
        p.setTitle("Internal error");
        return p;
    }

    private static Map<String, Object> fileError(String file, int line, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("line", line);
        m.put("column", null);
        m.put("message", message);
        return m;
    }
}
