package com.sigmatiq.kit.web;

import com.sigmatiq.kit.web.problem.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses the NUL character in query parameters, form fields, path variables and uploaded file names before a
 * controller method runs (PostgreSQL cannot store it); answered 400 naming the parameter.
 */
final class NulParameterInterceptor implements HandlerInterceptor {

    static final String MESSAGE = "must not contain the NUL character (\\u0000)";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true; // e.g. the gateway's proxy routes: the body stays unread and the service behind checks
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            check(e.getKey(), e.getKey());
            for (String v : e.getValue()) {
                check(e.getKey(), v);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> check(String.valueOf(k), String.valueOf(v)));
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (Map.Entry<String, MultipartFile> part : multipart.getFileMap().entrySet()) {
                check(part.getKey(), part.getKey());
                check(part.getKey(), part.getValue().getOriginalFilename());
            }
        }
        return true;
    }

    private static void check(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidRequestException.of(field.replace("\0", "\\u0000"), field.replace("\0", "\\u0000") + " " + MESSAGE);
        }
    }
}
