package com.sigmatiq.kit.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details built the same way everywhere: the 400 with field errors, and the servlet-level writer. */
public final class Problems {

    /** The extension member listing the offending fields. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    /**
     * 400 with {@code errors}; the detail is the one message, or how many problems there are.
     *
     * @param title the problem's title, e.g. {@code Invalid sweep request}
     */
    public static ProblemDetail invalid(String title, List<FieldError> errors) {
        int n = errors.size();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                n == 1 ? errors.get(0).message() : n + " problems with the request");
        p.setTitle(title);
        p.setProperty(ERRORS, List.copyOf(errors));
        return p;
    }

    /** A problem with a title and a detail. */
    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    /**
     * Writes {@code problem} as {@code application/problem+json} outside Spring MVC (security filters, the last
     * exception resolver); {@code instance} is the request path.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
