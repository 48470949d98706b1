package com.sigmatiq.pack.web;

import com.sigmatiq.engine.pack.PackError;
import com.sigmatiq.engine.pack.PackValidationException;
import com.sigmatiq.pack.domain.PackNotFoundException;
import com.sigmatiq.pack.domain.PackVersionConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error to an RFC 9457 problem detail; Spring MVC's own exceptions go through
 * {@link ResponseEntityExceptionHandler}. Nothing here ever puts a stack trace in a response.
 */
@RestControllerAdvice
class PackProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PackProblemAdvice.class);

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
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Pack version already stored with other content");
        p.setProperty("pack_id", e.packId());
        p.setProperty("version", e.version());
        p.setProperty("stored_hash", e.storedHash());
        p.setProperty("offered_hash", e.offeredHash());
        return p;
    }

    @ExceptionHandler(PackNotFoundException.class)
    ProblemDetail notFound(PackNotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }

    @ExceptionHandler(InvalidUploadException.class)
    ProblemDetail invalidUpload(InvalidUploadException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid upload");
        return p;
    }

    /** Anything unexpected: logged with its stack trace here, answered without it. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        p.setTitle("Internal error");
        return p;
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
