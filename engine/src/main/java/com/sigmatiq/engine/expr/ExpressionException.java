package com.sigmatiq.engine.expr;

import java.util.List;

/**
 * A parse or type error in an expression: where it is (0-based character offset into the source)
 * and what was expected. For an unknown name or function, {@link #suggestions()} holds the nearest
 * known names (also named in the reason).
 */
public final class ExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String reason;
    private final List<String> suggestions;

    public ExpressionException(String reason, int position) {
        this(reason, position, List.of());
    }

    public ExpressionException(String reason, int position, List<String> suggestions) {
        super(reason + " (at position " + position + ")");
        this.reason = reason;
        this.position = position;
        this.suggestions = List.copyOf(suggestions);
    }

    /** 0-based character offset into the expression's source. */
    public int position() {
        return position;
    }

    /** The message without the position, e.g. {@code expected ')' but found end of input}. */
    public String reason() {
        return reason;
    }

    /** Nearest known names for an unknown name or function, nearest first; otherwise empty. */
    public List<String> suggestions() {
        return suggestions;
    }
}
