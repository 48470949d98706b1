package com.sigmatiq.engine.expr;

/** The two types of the expression language. Booleans travel in {@code double} columns as 1.0 / 0.0. */
public enum ValueType {
    NUMBER,
    BOOLEAN;

    /** "a number" / "a boolean", for error messages. */
    String article() {
        return this == NUMBER ? "a number" : "a boolean";
    }
}
