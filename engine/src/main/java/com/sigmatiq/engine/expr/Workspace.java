package com.sigmatiq.engine.expr;

/**
 * Scratch columns and kernels for one batch evaluation at a time. A {@link CompiledProgram} lends
 * one to a caller for the duration of {@code evaluate} and takes it back afterwards, so it is never
 * used by two threads at once.
 */
final class Workspace {

    final int capacity;
    private final double[][] scratch;
    final Object[] kernels;

    // the evaluation in progress
    double[][] columns;
    int n;
    private double[] out;
    private int rootId;

    Workspace(int nodeCount, int capacity) {
        this.capacity = capacity;
        this.scratch = new double[nodeCount][];
        this.kernels = new Object[nodeCount];
    }

    void begin(double[][] columns, int n, double[] out, int rootId) {
        this.columns = columns;
        this.n = n;
        this.out = out;
        this.rootId = rootId;
    }

    void end() {
        columns = null;
        out = null;
    }

    boolean isRoot(int id) {
        return id == rootId;
    }

    /** The column node {@code id} writes its result to: the caller's output for the root. */
    double[] scratch(int id) {
        if (id == rootId) {
            return out;
        }
        double[] s = scratch[id];
        if (s == null) {
            s = new double[capacity];
            scratch[id] = s;
        }
        return s;
    }
}
