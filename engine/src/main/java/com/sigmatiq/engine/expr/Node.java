package com.sigmatiq.engine.expr;

/**
 * One operation of a compiled expression. Batch: {@link #evaluate} computes the node's whole column
 * with an indexed loop (children first) into its scratch column. Streaming: {@link #stream} builds a
 * mirror tree of {@link StreamNode}s that computes one bar at a time with the same arithmetic.
 */
abstract class Node {

    /** Index of this node's scratch column and kernel in a {@link Workspace}. */
    final int id;
    final ValueType type;

    Node(int id, ValueType type) {
        this.id = id;
        this.type = type;
    }

    /**
     * Computes bars [0, ws.n) and returns the array that holds them: this node's scratch column, or
     * for a numeric symbol the input column itself (never written).
     */
    abstract double[] evaluate(Workspace ws);

    /** A fresh streaming mirror of this node and its children. */
    abstract StreamNode stream();

    /** A streaming node; a whole tree of them is the {@link ExpressionStream} of an expression. */
    abstract static class StreamNode implements ExpressionStream {
    }
}
