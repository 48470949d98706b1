package com.sigmatiq.engine.expr;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link CompiledExpression} implementation: a tree of {@link Node}s.
 *
 * <p>Thread-safety of {@link #evaluate}: the scratch columns live in a {@link Workspace} that a call
 * borrows from a one-slot cache ({@code getAndSet(null)}) and returns when done. A single thread
 * evaluating repeatedly reuses it (no allocation when n does not grow); a thread that finds the
 * slot empty because another thread holds the workspace allocates its own, which is then cached or
 * dropped. No locks; any number of threads may evaluate at once.
 */
final class CompiledProgram implements CompiledExpression {

    private final String source;
    private final SymbolTable symbols;
    private final Node root;
    private final int nodeCount;
    private final int[] referencedSlots;
    private final AtomicReference<Workspace> cached = new AtomicReference<>();

    CompiledProgram(String source, SymbolTable symbols, ExpressionBinder.Bound bound) {
        this.source = source;
        this.symbols = symbols;
        this.root = bound.root();
        this.nodeCount = bound.nodeCount();
        this.referencedSlots = bound.referencedSlots();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public ValueType type() {
        return root.type;
    }

    @Override
    public int[] referencedSlots() {
        return referencedSlots.clone();
    }

    @Override
    public void evaluate(double[][] columns, int n, double[] out) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(out, "out");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (out.length < n) {
            throw new IllegalArgumentException("out has " + out.length + " rows, fewer than n = " + n);
        }
        for (int slot : referencedSlots) {
            double[] c = slot < columns.length ? columns[slot] : null;
            if (c == null) {
                throw new IllegalArgumentException("no column for '" + symbols.name(slot) + "' (slot " + slot
                        + ") that '" + source + "' reads");
            }
            if (c.length < n) {
                throw new IllegalArgumentException("column '" + symbols.name(slot) + "' has " + c.length
                        + " rows, fewer than n = " + n);
            }
            if (c == out) {
                throw new IllegalArgumentException("out must not be the input column '" + symbols.name(slot) + "'");
            }
        }
        Workspace ws = cached.getAndSet(null);
        if (ws == null || ws.capacity < n) {
            ws = new Workspace(nodeCount, n);
        }
        ws.begin(columns, n, out, root.id);
        try {
            double[] result = root.evaluate(ws);
            if (result != out) {
                System.arraycopy(result, 0, out, 0, n);
            }
        } finally {
            ws.end();
            cached.set(ws);
        }
    }

    @Override
    public ExpressionStream stream() {
        return root.stream();
    }

    @Override
    public String toString() {
        return "CompiledExpression[" + source + " : " + root.type + "]";
    }
}
