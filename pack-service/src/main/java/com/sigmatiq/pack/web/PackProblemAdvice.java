package com.sigmatiq.pack.web;

import com.sigmatiq.engine.pack.PackError;
import com.sigmatiq.engine.pack.PackValidationException;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.Problems;
import com.sigmatiq.pack.domain.PackVersionConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * pack-service's own errors as RFC 9457 problem details; Spring MVC's exceptions, bad bodies and anything unexpected
 * are the service kit's. Nothing here ever puts a stack trace in a response.
 */
@RestControllerAdvice
class PackProblemAdvice {

    /** The engine rejected the pack: every error with its file, line (1-based, 0 = whole file), column and message. */
    @ExceptionHandler(PackValidationException.class)
    ProblemDetail invalidPack(PackValidationException e) {
        int n = e.errors().size();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The pack has " + n + (n == 1 ? " error" : " errors") + "; nothing was stored.");
        p.setTitle("Invalid pack");
        List<Map<String, Object>> errors = e.errors().stream().map(PackProblemAdvice::error).toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(PackVersionConflictException.class)
    ProblemDetail conflict(PackVersionConflictException e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "Pack version already stored with other content", e.getMessage());
        p.setProperty("pack_id", e.packId());
        p.setProperty("version", e.version());
        p.setProperty("stored_hash", e.storedHash());
        p.setProperty("offered_hash", e.offeredHash());
        return p;
    }

    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalidUpload(InvalidUploadException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid upload", e.getMessage());
        if (e.field() != null) {
            problem.setProperty(Problems.ERRORS, List.of(FieldError.of(e.field(), e.getMessage())));
        }
        return problem;
    }

    private static Map<String, Object> error(PackError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.file());
        m.put("line", e.line());
        m.put("column", e.column());
        m.put("message", e.message());
        return m;
    }
}
