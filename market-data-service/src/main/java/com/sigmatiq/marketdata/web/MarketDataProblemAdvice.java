package com.sigmatiq.marketdata.web;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.ProblemDetailsAdvice;
import com.sigmatiq.kit.web.problem.Problems;
import com.sigmatiq.marketdata.domain.RowProblem;
import com.sigmatiq.marketdata.importing.ImportFileException;
import com.sigmatiq.marketdata.importing.ImportRefusedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * market-data-service's own errors as RFC 9457 problem details (the kit answers the rest, including its not-found
 * and conflict exceptions): a domain {@code IllegalArgumentException} written {@code "field: message"} as a 400 naming
 * the field, and refused imports with {@code errors: [{file, line, column, message}]} plus the whole {@code report}.
 * A path variable or query parameter of the wrong type goes to the kit's answer naming it: Spring matches an
 * {@code @ExceptionHandler} against an exception's causes too, so the {@code IllegalArgumentException} handler would
 * otherwise take the conversion's cause ({@code /imports/1e400}: "Invalid UUID string", no field).
 */
@RestControllerAdvice
class MarketDataProblemAdvice {

    private final ProblemDetailsAdvice kit;

    MarketDataProblemAdvice(ProblemDetailsAdvice kit) {
        this.kit = kit;
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(TypeMismatchException e, WebRequest request) throws Exception {
        return kit.handleException(e, request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        String msg = String.valueOf(e.getMessage());
        int colon = msg.indexOf(':');
        if (colon > 0 && msg.substring(0, colon).matches("[a-z_]+")) {
            return Problems.invalid("Invalid request", List.of(FieldError.of(msg.substring(0, colon), msg.substring(colon + 1).trim())));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", msg);
    }

    @ExceptionHandler(ImportFileException.class)
    ProblemDetail unreadable(ImportFileException e) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Bar file cannot be imported", e.getMessage());
        p.setProperty("errors", List.of(fileError(e.file(), e.line(), e.getMessage())));
        return p;
    }

    @ExceptionHandler(ImportRefusedException.class)
    ProblemDetail refused(ImportRefusedException e) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused", e.getMessage());
        p.setProperty("import_id", e.report().importId());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (RowProblem r : e.report().problems()) {
            errors.add(fileError(e.report().fileName(), r.line(), r.reason()));
        }
        p.setProperty("errors", errors);
        p.setProperty("report", e.report());
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
