package com.sigmatiq.kit.web.json;

import java.util.ArrayDeque;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;

/** JSON paths as problems name fields: {@code date_range.start}, {@code tickers[1]}, {@code parameters.p[0].q}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of a Jackson exception (names as written in the JSON). */
    public static String of(List<JacksonException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /**
     * The path of a parser's position. With {@code opened}, the parser stands on the {@code START_OBJECT} or
     * {@code START_ARRAY} of the value, whose own fresh context is not part of its path.
     */
    public static String of(TokenStreamContext context, boolean opened) {
        TokenStreamContext c = opened && context != null ? context.getParent() : context;
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** {@code at.key}, or {@code key} at the root. */
    static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }
}
