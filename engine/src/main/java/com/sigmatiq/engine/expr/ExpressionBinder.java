package com.sigmatiq.engine.expr;

import java.util.BitSet;
import java.util.List;

/**
 * Type-checks an {@link Ast} against a {@link SymbolTable} and builds the {@link Node} tree:
 * resolves names to slots and functions, checks argument counts and window literals, and reports
 * the first error (left to right) as an {@link ExpressionException}.
 */
final class ExpressionBinder {

    /** Deepest operator tree accepted (keeps evaluation recursion bounded). */
    static final int MAX_TREE_DEPTH = 256;
    private static final int SNIPPET = 40;

    private final String source;
    private final SymbolTable symbols;
    private final BitSet slots = new BitSet();
    private int nextId;
    private int depth;

    private ExpressionBinder(String source, SymbolTable symbols) {
        this.source = source;
        this.symbols = symbols;
    }

    /** The bound tree, the number of nodes in it and the slots it reads. */
    record Bound(Node root, int nodeCount, int[] referencedSlots) {
    }

    static Bound bind(String source, Ast ast, SymbolTable symbols) {
        ExpressionBinder b = new ExpressionBinder(source, symbols);
        Node root = b.node(ast);
        return new Bound(root, b.nextId, b.slots.stream().toArray());
    }

    private Node node(Ast ast) {
        if (++depth > MAX_TREE_DEPTH) {
            throw new ExpressionException("expression too large: more than " + MAX_TREE_DEPTH
                    + " nested operations", ast.start());
        }
        Node n = build(ast);
        depth--;
        return n;
    }

    private Node build(Ast ast) {
        if (ast instanceof Ast.NumberLiteral lit) {
            return new Nodes.Constant(nextId++, ValueType.NUMBER, lit.value());
        }
        if (ast instanceof Ast.BooleanLiteral lit) {
            return new Nodes.Constant(nextId++, ValueType.BOOLEAN, lit.value() ? 1.0 : 0.0);
        }
        if (ast instanceof Ast.Name name) {
            return symbol(name);
        }
        if (ast instanceof Ast.Negate neg) {
            Node x = operand(neg.operand(), ValueType.NUMBER, "unary minus");
            return new Nodes.Unary(nextId++, ValueType.NUMBER, Nodes.Unary.Op.NEGATE, x);
        }
        if (ast instanceof Ast.Not not) {
            Node x = operand(not.operand(), ValueType.BOOLEAN, "NOT");
            return new Nodes.Unary(nextId++, ValueType.BOOLEAN, Nodes.Unary.Op.NOT, x);
        }
        if (ast instanceof Ast.Trend trend) {
            String word = trend.rising() ? "increasing" : "decreasing";
            Node x = operand(trend.operand(), ValueType.NUMBER, word);
            return new Nodes.Trend(nextId++, x, trend.rising());
        }
        if (ast instanceof Ast.Binary bin) {
            return binary(bin);
        }
        if (ast instanceof Ast.Call call) {
            return call(call);
        }
        throw new AssertionError(ast);
    }

    private Node symbol(Ast.Name name) {
        int slot = symbols.slot(name.name());
        if (slot < 0) {
            List<String> near = NameSuggestions.nearest(name.name(), symbols.names());
            throw new ExpressionException("unknown name '" + name.name() + "'" + NameSuggestions.phrase(near),
                    name.start(), near);
        }
        slots.set(slot);
        return symbols.type(slot) == ValueType.NUMBER
                ? new Nodes.NumberSymbol(nextId++, slot)
                : new Nodes.BooleanSymbol(nextId++, slot);
    }

    private Node binary(Ast.Binary bin) {
        Ast.BinaryOp op = bin.op();
        if (op.isEquality()) {
            Node l = node(bin.left());
            Node r = node(bin.right());
            if (l.type != r.type) {
                throw new ExpressionException(op.symbol + " needs both sides of the same type, but "
                        + describe(bin.left()) + " is " + l.type.article() + " and "
                        + describe(bin.right()) + " is " + r.type.article(), bin.opPosition());
            }
            return new Nodes.Binary(nextId++, ValueType.BOOLEAN,
                    op == Ast.BinaryOp.EQ ? Nodes.Binary.Op.EQ : Nodes.Binary.Op.NE, l, r);
        }
        ValueType want = op.isLogical() ? ValueType.BOOLEAN : ValueType.NUMBER;
        Node l = operand(bin.left(), want, op.symbol);
        Node r = operand(bin.right(), want, op.symbol);
        ValueType result = op.isLogical() || op.isOrdering() ? ValueType.BOOLEAN : ValueType.NUMBER;
        Nodes.Binary.Op nop = switch (op) {
            case OR -> Nodes.Binary.Op.OR;
            case AND -> Nodes.Binary.Op.AND;
            case LT -> Nodes.Binary.Op.LT;
            case LE -> Nodes.Binary.Op.LE;
            case GT -> Nodes.Binary.Op.GT;
            case GE -> Nodes.Binary.Op.GE;
            case ADD -> Nodes.Binary.Op.ADD;
            case SUB -> Nodes.Binary.Op.SUB;
            case MUL -> Nodes.Binary.Op.MUL;
            case DIV -> Nodes.Binary.Op.DIV;
            default -> throw new AssertionError(op);
        };
        return new Nodes.Binary(nextId++, result, nop, l, r);
    }

    private Node call(Ast.Call call) {
        ExpressionFunction f = ExpressionFunction.lookup(call.function());
        if (f == null) {
            if (symbols.slot(call.function()) >= 0) {
                throw new ExpressionException("'" + call.function() + "' is a name, not a function; functions are "
                        + String.join(", ", ExpressionFunction.labels()), call.start());
            }
            List<String> near = NameSuggestions.nearest(call.function(), ExpressionFunction.labels());
            String tail = near.isEmpty()
                    ? "; functions are " + String.join(", ", ExpressionFunction.labels())
                    : NameSuggestions.phrase(near);
            throw new ExpressionException("unknown function '" + call.function() + "'" + tail, call.start(), near);
        }
        List<Ast> args = call.args();
        if (args.size() < f.minArgs || args.size() > f.maxArgs) {
            throw new ExpressionException(f.label() + " takes " + f.arity() + " but got " + args.size(),
                    call.start());
        }
        String what = f.label();
        Node a = operand(args.get(0), ValueType.NUMBER, what);
        Node b = args.size() > 1 && f.windowArg != 1 ? operand(args.get(1), ValueType.NUMBER, what) : null;
        int window = f.windowArg >= 0 && args.size() > f.windowArg
                ? windowLiteral(f, args.get(f.windowArg))
                : f.defaultWindow;
        return switch (f) {
            case ABS -> new Nodes.Unary(nextId++, ValueType.NUMBER, Nodes.Unary.Op.ABS, a);
            case SIGN -> new Nodes.Unary(nextId++, ValueType.NUMBER, Nodes.Unary.Op.SIGN, a);
            case MIN -> new Nodes.Binary(nextId++, ValueType.NUMBER, Nodes.Binary.Op.MIN, a, b);
            case MAX -> new Nodes.Binary(nextId++, ValueType.NUMBER, Nodes.Binary.Op.MAX, a, b);
            case NORMALIZED -> new Nodes.Normalized(nextId++, a, window);
            case DETECT_DIVERGENCE -> new Nodes.Divergence(nextId++, a, b, window);
            case CROSSES_ABOVE -> new Nodes.Cross(nextId++, a, b, true);
            case CROSSES_BELOW -> new Nodes.Cross(nextId++, a, b, false);
            case LAG -> new Nodes.Lag(nextId++, a, window, false);
            case CHANGE -> new Nodes.Lag(nextId++, a, window, true);
        };
    }

    private int windowLiteral(ExpressionFunction f, Ast arg) {
        if (arg instanceof Ast.NumberLiteral lit && lit.integer() && lit.value() >= 1
                && lit.value() <= ExpressionFunction.MAX_WINDOW) {
            return (int) lit.value();
        }
        throw new ExpressionException("the " + f.windowNoun() + " of " + f.label()
                + " must be a positive integer literal (1 to " + ExpressionFunction.MAX_WINDOW + ") but found "
                + describe(arg), arg.start());
    }

    /** Binds an operand and checks that it has the type {@code what} needs. */
    private Node operand(Ast ast, ValueType want, String what) {
        Node n = node(ast);
        if (n.type != want) {
            String needs = want == ValueType.NUMBER ? "numbers" : "booleans";
            if (what.equals("increasing") || what.equals("decreasing") || what.equals("unary minus")) {
                needs = want == ValueType.NUMBER ? "a number" : "a boolean";
            }
            throw new ExpressionException(describe(ast) + " is " + n.type.article() + " but " + what + " needs "
                    + needs, ast.start());
        }
        return n;
    }

    private String describe(Ast ast) {
        String text = source.substring(ast.start(), ast.end());
        if (text.length() > SNIPPET) {
            text = text.substring(0, SNIPPET - 1) + "…";
        }
        return "'" + text + "'";
    }
}
