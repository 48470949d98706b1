package com.sigmatiq.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in functions: their names (matched in any case), arities and which argument, if any, is
 * a window or lag length (a positive integer literal) with its default.
 */
enum ExpressionFunction {
    ABS(1, 1, -1, 0),
    SIGN(1, 1, -1, 0),
    MIN(2, 2, -1, 0),
    MAX(2, 2, -1, 0),
    NORMALIZED(1, 2, 1, 100),
    DETECT_DIVERGENCE(2, 3, 2, 14),
    CROSSES_ABOVE(2, 2, -1, 0),
    CROSSES_BELOW(2, 2, -1, 0),
    LAG(2, 2, 1, 0),
    CHANGE(2, 2, 1, 0);

    /** Largest window or lag accepted (keeps preallocated ring buffers bounded). */
    static final int MAX_WINDOW = 1_000_000;

    final int minArgs;
    final int maxArgs;
    /** Index of the integer window/lag argument, or -1. */
    final int windowArg;
    /** Its default when the argument is left out (only when minArgs &lt;= windowArg). */
    final int defaultWindow;

    ExpressionFunction(int minArgs, int maxArgs, int windowArg, int defaultWindow) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.windowArg = windowArg;
        this.defaultWindow = defaultWindow;
    }

    /** The name as written in expressions, e.g. {@code detect_divergence}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    ValueType resultType() {
        return this == CROSSES_ABOVE || this == CROSSES_BELOW ? ValueType.BOOLEAN : ValueType.NUMBER;
    }

    String arity() {
        if (minArgs == maxArgs) {
            return minArgs == 1 ? "1 argument" : minArgs + " arguments";
        }
        return minArgs + " or " + maxArgs + " arguments";
    }

    /** Which thing the window argument is, for error messages. */
    String windowNoun() {
        return this == LAG || this == CHANGE ? "lag" : "window";
    }

    static ExpressionFunction lookup(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ExpressionFunction f : values()) {
            if (f.label().equals(lower)) {
                return f;
            }
        }
        return null;
    }

    static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (ExpressionFunction f : values()) {
            out.add(f.label());
        }
        return out;
    }
}
