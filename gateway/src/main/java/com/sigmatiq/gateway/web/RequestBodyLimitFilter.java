package com.sigmatiq.gateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.sigmatiq.gateway.config.GatewayLimitsProperties;
import com.sigmatiq.kit.web.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body larger than {@link GatewayLimitsProperties} with a 413 problem naming the limit: by its
 * {@code Content-Length} before anything is read; a body without one (chunked) that is not multipart is read up to the
 * limit here and passed on from memory. A chunked multipart body is counted as it streams and cut at the upload limit
 * (the service then sees a truncated upload and refuses it); each service also enforces its own, smaller multipart
 * limits.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxUpload;
    private final JsonMapper json;

    RequestBodyLimitFilter(GatewayLimitsProperties limits, JsonMapper json) {
        this.maxBody = limits.maxBodySize().toBytes();
        this.maxUpload = limits.maxUploadSize().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        long limit = multipart ? maxUpload : maxBody;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, limit, multipart);
            return;
        }
        if (length < 0 && hasBody(request)) {
            if (multipart) {
                chain.doFilter(new CappedRequest(request, request.getInputStream(), limit), response);
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(request, response, limit, false);
                return;
            }
            chain.doFilter(new CappedRequest(request, new ByteArrayInputStream(body), limit), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit, boolean multipart)
            throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                (multipart ? "An upload" : "A request body") + " may have at most " + limit + " bytes.");
        problem.setProperty("max_bytes", limit);
        response.setHeader("Connection", "close"); // the unread body is not worth draining
        Problems.write(request, response, json, problem);
    }

    /** The request with its body read from {@code in}, which yields at most {@code limit} bytes. */
    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final ServletInputStream stream;

        CappedRequest(HttpServletRequest request, InputStream in, long limit) {
            super(request);
            this.stream = new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    if (read >= limit) {
                        return -1;
                    }
                    int b = in.read();
                    if (b >= 0) {
                        read++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (read >= limit) {
                        return -1;
                    }
                    int n = in.read(buffer, offset, (int) Math.min(length, limit - read));
                    if (n > 0) {
                        read += n;
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return read >= limit;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }
    }
}
