package com.sigmatiq.engine.expr;

import java.util.Objects;

/** Entry point of the expression language: source text and symbols in, {@link CompiledExpression} out. */
public final class ExpressionCompiler {

    private ExpressionCompiler() {
    }

    /** Parses and type-checks; throws {@link ExpressionException} on any error. */
    public static CompiledExpression compile(String source, SymbolTable symbols) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(symbols, "symbols");
        Ast ast = ExpressionParser.parse(source);
        return new CompiledProgram(source, symbols, ExpressionBinder.bind(source, ast, symbols));
    }

    /**
     * Like {@link #compile(String, SymbolTable)}, and also requires the result to be of type
     * {@code expected} (e.g. a strategy rule line must be a boolean); the error is at position 0.
     */
    public static CompiledExpression compile(String source, SymbolTable symbols, ValueType expected) {
        Objects.requireNonNull(expected, "expected");
        CompiledExpression e = compile(source, symbols);
        if (e.type() != expected) {
            throw new ExpressionException("expected " + expected.article() + " expression but '" + source.strip()
                    + "' is " + e.type().article(), 0);
        }
        return e;
    }
}
