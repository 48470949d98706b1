package com.sigmatiq.engine.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the grammar in {@code package-info.java}. Produces an {@link Ast};
 * types are checked afterwards by {@link ExpressionBinder}.
 */
final class ExpressionParser {

    /** Deepest nesting of parentheses, NOT and unary minus accepted (keeps recursion bounded). */
    static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private ExpressionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Ast parse(String source) {
        ExpressionParser p = new ExpressionParser(ExpressionLexer.tokenize(source));
        if (p.peek().kind() == Token.Kind.END) {
            throw new ExpressionException("expected an expression but found end of input", 0);
        }
        Ast e = p.parseOr();
        Token t = p.peek();
        if (t.kind() != Token.Kind.END) {
            String what = t.kind() == Token.Kind.RPAREN ? "unmatched ')'" : t.describe();
            throw new ExpressionException("expected an operator or end of input but found " + what, t.start());
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean at(Token.Kind kind) {
        return tokens.get(pos).kind() == kind;
    }

    private Ast parseOr() {
        Ast left = parseAnd();
        while (at(Token.Kind.OR)) {
            Token op = next();
            Ast right = parseAnd();
            left = new Ast.Binary(Ast.BinaryOp.OR, op.start(), left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast parseAnd() {
        Ast left = parseNot();
        while (at(Token.Kind.AND)) {
            Token op = next();
            Ast right = parseNot();
            left = new Ast.Binary(Ast.BinaryOp.AND, op.start(), left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast parseNot() {
        if (at(Token.Kind.NOT)) {
            Token op = next();
            enter(op);
            Ast operand = parseNot();
            depth--;
            return new Ast.Not(operand, op.start(), operand.end());
        }
        return parseComparison();
    }

    private Ast parseComparison() {
        Ast left = parsePostfix();
        Ast.BinaryOp op = comparison(peek().kind());
        if (op == null) {
            return left;
        }
        Token opToken = next();
        Ast right = parsePostfix();
        Token after = peek();
        if (comparison(after.kind()) != null) {
            throw new ExpressionException("comparisons do not chain: expected AND, OR, ')' or end of input but found "
                    + after.describe() + " (use parentheses or AND)", after.start());
        }
        return new Ast.Binary(op, opToken.start(), left, right, left.start(), right.end());
    }

    private Ast parsePostfix() {
        Ast e = parseAdditive();
        while (at(Token.Kind.INCREASING) || at(Token.Kind.DECREASING)) {
            Token op = next();
            e = new Ast.Trend(op.kind() == Token.Kind.INCREASING, op.start(), e, e.start(), op.end());
        }
        return e;
    }

    private Ast parseAdditive() {
        Ast left = parseMultiplicative();
        while (at(Token.Kind.PLUS) || at(Token.Kind.MINUS)) {
            Token op = next();
            Ast right = parseMultiplicative();
            Ast.BinaryOp bop = op.kind() == Token.Kind.PLUS ? Ast.BinaryOp.ADD : Ast.BinaryOp.SUB;
            left = new Ast.Binary(bop, op.start(), left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast parseMultiplicative() {
        Ast left = parseUnary();
        while (at(Token.Kind.STAR) || at(Token.Kind.SLASH)) {
            Token op = next();
            Ast right = parseUnary();
            Ast.BinaryOp bop = op.kind() == Token.Kind.STAR ? Ast.BinaryOp.MUL : Ast.BinaryOp.DIV;
            left = new Ast.Binary(bop, op.start(), left, right, left.start(), right.end());
        }
        return left;
    }

    private Ast parseUnary() {
        if (at(Token.Kind.MINUS)) {
            Token op = next();
            enter(op);
            Ast operand = parseUnary();
            depth--;
            return new Ast.Negate(operand, op.start(), operand.end());
        }
        return parsePrimary();
    }

    private Ast parsePrimary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Ast.NumberLiteral(t.number(), t.integer(), t.start(), t.end());
            case TRUE:
                return new Ast.BooleanLiteral(true, t.start(), t.end());
            case FALSE:
                return new Ast.BooleanLiteral(false, t.start(), t.end());
            case NAME:
                if (at(Token.Kind.LPAREN)) {
                    return parseCall(t);
                }
                return new Ast.Name(t.text(), t.start(), t.end());
            case LPAREN: {
                enter(t);
                Ast inner = parseOr();
                depth--;
                Token close = next();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw new ExpressionException("expected ')' to close '(' at " + t.start() + " but found "
                            + close.describe(), close.start());
                }
                return inner;
            }
            default:
                String hint = t.kind() == Token.Kind.NOT
                        ? " (NOT binds looser than comparisons: write it in parentheses)" : "";
                throw new ExpressionException("expected a number, a name, a function call or '(' but found "
                        + t.describe() + hint, t.start());
        }
    }

    private Ast parseCall(Token name) {
        Token open = next();
        enter(open);
        List<Ast> args = new ArrayList<>();
        if (!at(Token.Kind.RPAREN)) {
            args.add(parseOr());
            while (at(Token.Kind.COMMA)) {
                next();
                args.add(parseOr());
            }
        }
        depth--;
        Token close = next();
        if (close.kind() != Token.Kind.RPAREN) {
            throw new ExpressionException("expected ',' or ')' in the call of " + name.text() + " but found "
                    + close.describe(), close.start());
        }
        return new Ast.Call(name.text(), List.copyOf(args), name.start(), close.end());
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression nested too deeply (more than " + MAX_DEPTH + " levels)", t.start());
        }
    }

    private static Ast.BinaryOp comparison(Token.Kind kind) {
        return switch (kind) {
            case GT -> Ast.BinaryOp.GT;
            case GE -> Ast.BinaryOp.GE;
            case LT -> Ast.BinaryOp.LT;
            case LE -> Ast.BinaryOp.LE;
            case EQ -> Ast.BinaryOp.EQ;
            case NE -> Ast.BinaryOp.NE;
            default -> null;
        };
    }
}
