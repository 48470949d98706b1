package com.sigmatiq.kit.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last exception resolver: whatever no advice and no Spring MVC resolver answered is logged with its stack trace
 * and answered as a plain 500 problem, never with the trace. Two request errors that handlers without advice (the
 * gateway's proxy routes) would otherwise turn into that 500 are answered 400 as the advice answers them: a parameter
 * Tomcat cannot decode and an unreadable multipart body. Security's exceptions go on to Spring Security's
 * handlers (401/403). Being last, it never takes an exception away from a service's own {@code @ExceptionHandler}.
 */
public final class UnexpectedErrorResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorResolver.class);

    private final JsonMapper json;

    public UnexpectedErrorResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return null;
        }
        if (ex instanceof AsyncRequestNotUsableException) {
            return new ModelAndView(); // the client went away; nothing to answer
        }
        ProblemDetail problem = null;
        if (ex instanceof InvalidParameterException e) {
            problem = ProblemDetailsAdvice.undecodable(e);
        } else if (ex instanceof MultipartException e && !(ex instanceof MaxUploadSizeExceededException)) {
            problem = ProblemDetailsAdvice.unreadable(e);
        } else {
            log.error("Unexpected error for {} {}", request.getMethod(), request.getRequestURI(), ex);
        }
        if (response.isCommitted()) {
            return new ModelAndView();
        }
        try {
            response.reset();
            Problems.write(request, response, json, problem != null ? problem : Problems.of(
                    HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "An unexpected error occurred; it has been logged."));
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the 500 problem", e);
        }
        return new ModelAndView();
    }
}
