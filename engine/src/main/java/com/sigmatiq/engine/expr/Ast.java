package com.sigmatiq.engine.expr;

import java.util.List;

/** The parsed, not yet type-checked form of an expression. Offsets are 0-based; {@code end} is exclusive. */
sealed interface Ast {

    int start();

    int end();

    enum BinaryOp {
        OR("OR"), AND("AND"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        boolean isLogical() {
            return this == OR || this == AND;
        }

        boolean isEquality() {
            return this == EQ || this == NE;
        }

        boolean isOrdering() {
            return this == LT || this == LE || this == GT || this == GE;
        }
    }

    record NumberLiteral(double value, boolean integer, int start, int end) implements Ast {
    }

    record BooleanLiteral(boolean value, int start, int end) implements Ast {
    }

    record Name(String name, int start, int end) implements Ast {
    }

    record Negate(Ast operand, int start, int end) implements Ast {
    }

    record Not(Ast operand, int start, int end) implements Ast {
    }

    record Binary(BinaryOp op, int opPosition, Ast left, Ast right, int start, int end) implements Ast {
    }

    /** {@code operand increasing} ({@code rising = true}) or {@code operand decreasing}. */
    record Trend(boolean rising, int opPosition, Ast operand, int start, int end) implements Ast {
    }

    record Call(String function, List<Ast> args, int start, int end) implements Ast {
    }
}
