package com.sigmatiq.kit.web.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last-resort error page (requests it rejects before Spring sees them, such as a malformed URL or an
 * encoded NUL in the path) as a minimal RFC 9457 problem instead of an HTML page. Public: Tomcat instantiates it by
 * class name.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response is unusable; nothing more to say
        }
    }
}
