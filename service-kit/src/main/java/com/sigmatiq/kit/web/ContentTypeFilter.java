package com.sigmatiq.kit.web;

import com.sigmatiq.kit.web.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose {@code Content-Type} is not a media type a body can have — unparsable ({@code garbage}) or
 * a wildcard ({@code *}{@code /*}, {@code text/*}) — with a 415 problem before anything reads it. Spring MVC would
 * otherwise fail deep inside argument resolution with an {@code IllegalArgumentException} (a 500).
 */
final class ContentTypeFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    ContentTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        if (header != null && !header.isBlank()) {
            String why = null;
            try {
                MediaType type = MediaType.parseMediaType(header);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    why = "a request body's Content-Type cannot be a wildcard";
                }
            } catch (InvalidMediaTypeException e) {
                why = "the Content-Type is not a media type";
            }
            if (why != null) {
                Problems.write(request, response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported Media Type", why + "; send e.g. application/json"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
