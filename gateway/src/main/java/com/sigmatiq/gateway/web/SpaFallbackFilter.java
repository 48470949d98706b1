package com.sigmatiq.gateway.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Deep links into the web UI: a browser's GET of a screen's URL ({@code /models/spy_swing_momentum_v1},
 * {@code /sweeps/…/leaderboard}) is answered with the app's {@code index.html}, whose router shows the screen.
 * Only page navigations are served this way — GET or HEAD, {@code Accept} naming {@code text/html}, a last path
 * segment without a dot (no file), and none of the gateway's own prefixes ({@link #matches}); everything else,
 * {@code /api/**} above all, passes through unchanged, so an unknown API path stays a 404 problem detail.
 * The page itself is public (it holds no data; the app asks for a login before calling any API).
 */
public final class SpaFallbackFilter extends OncePerRequestFilter {

    /** Paths that belong to the gateway or the services, never to the app. */
    static final String[] RESERVED_PREFIXES = {
            "/api/", "/api", "/actuator", "/v3/api-docs", "/swagger-ui", "/.well-known/", "/error", "/assets/"};

    static final String INDEX = "/index.html";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (matches(request.getMethod(), pathOf(request), request.getHeader(HttpHeaders.ACCEPT))) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            request.getRequestDispatcher(INDEX).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** True for a page navigation to one of the app's screens. */
    static boolean matches(String method, String path, String accept) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return false;
        }
        if (path.isEmpty() || "/".equals(path) || INDEX.equals(path)) {
            return false; // the welcome page serves itself
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
