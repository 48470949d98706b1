package com.sigmatiq.kit.web.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whether an error answer is an RFC 9457 problem: {@code application/problem+json} with {@code status} and {@code title}. */
public final class ProblemCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemCheck() {
    }

    /** Null when the answer is a proper problem document, else what is wrong with it. */
    public static String why(int status, String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "answered " + status + " as " + contentType + ", not application/problem+json: " + cut(body);
        }
        JsonNode p;
        try {
            p = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "answered " + status + " with a body that is not JSON: " + cut(body);
        }
        if (!p.isObject() || p.path("status").asInt(-1) != status) {
            return "answered " + status + " with a problem whose status is " + p.path("status") + ": " + cut(body);
        }
        if (p.path("title").asString("").isBlank()) {
            return "answered " + status + " with a problem without a title: " + cut(body);
        }
        if (body.contains("\tat ") || body.matches("(?s).*\\.java:\\d+\\).*")) {
            return "answered " + status + " with what looks like a stack trace: " + cut(body);
        }
        return null;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
