package com.sigmatiq.engine.expr;

/**
 * One lexical token. {@code end} is exclusive. For {@link Kind#NUMBER}, {@code number} is its value and
 * {@code integer} tells whether it was written as digits only.
 */
record Token(Kind kind, String text, int start, int end, double number, boolean integer) {

    enum Kind {
        NUMBER, NAME, LPAREN, RPAREN, COMMA,
        PLUS, MINUS, STAR, SLASH,
        GT, GE, LT, LE, EQ, NE,
        AND, OR, NOT, TRUE, FALSE, INCREASING, DECREASING,
        END
    }

    /** How an error message names this token. */
    String describe() {
        return switch (kind) {
            case END -> "end of input";
            case NUMBER -> "number " + text;
            case NAME -> "name '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
