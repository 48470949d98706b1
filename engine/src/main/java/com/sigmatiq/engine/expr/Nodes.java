package com.sigmatiq.engine.expr;

import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;
import java.util.Arrays;

/**
 * The node kinds. Each batch loop and its streaming twin perform the same floating-point operations
 * in the same order (stateful windows share one kernel class), so streaming equals batch bitwise.
 * Booleans are 1.0 / 0.0; every comparison with NaN is false. Batch loops write a comparison as
 * {@link #bit} of non-short-circuit {@code &}/{@code |}, which compiles without branches.
 */
final class Nodes {

    private Nodes() {
    }

    /** A boolean input value: 0 and NaN are false, anything else true. */
    static double truth(double v) {
        return bit(v != 0.0 & v == v);
    }

    /**
     * 1 or 0. {@code Boolean.compare} compiles to a flag-to-register move, where {@code c ? 1.0 : 0.0} and
     * {@code c ? 1 : 0} compile to a branch: on data where the outcome flips at random (volume against its
     * average) the branch is mispredicted half the time and the loop runs several times slower.
     */
    static int bit(boolean c) {
        return Boolean.compare(c, false);
    }

    static double bool(boolean b) {
        return b ? 1.0 : 0.0;
    }

    // ---------------------------------------------------------------- leaves

    static final class Constant extends Node {
        final double value;

        Constant(int id, ValueType type, double value) {
            super(id, type);
            this.value = value;
        }

        /** A constant's scratch column is filled once per workspace (to its capacity), not on every call. */
        @Override
        double[] evaluate(Workspace ws) {
            double[] o = ws.scratch(id);
            if (ws.isRoot(id)) {
                Arrays.fill(o, 0, ws.n, value);
            } else if (ws.kernels[id] == null) {
                Arrays.fill(o, value);
                ws.kernels[id] = Boolean.TRUE;
            }
            return o;
        }

        @Override
        StreamNode stream() {
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    return value;
                }

                @Override
                public void writeState(StateWriter out) {
                }

                @Override
                public void readState(StateReader in) {
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    static final class NumberSymbol extends Node {
        final int slot;

        NumberSymbol(int id, int slot) {
            super(id, ValueType.NUMBER);
            this.slot = slot;
        }

        @Override
        double[] evaluate(Workspace ws) {
            return ws.columns[slot];
        }

        @Override
        StreamNode stream() {
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    return values[slot];
                }

                @Override
                public void writeState(StateWriter out) {
                }

                @Override
                public void readState(StateReader in) {
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    static final class BooleanSymbol extends Node {
        final int slot;

        BooleanSymbol(int id, int slot) {
            super(id, ValueType.BOOLEAN);
            this.slot = slot;
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] c = ws.columns[slot];
            double[] o = ws.scratch(id);
            int n = ws.n;
            for (int i = 0; i < n; i++) {
                o[i] = truth(c[i]);
            }
            return o;
        }

        @Override
        StreamNode stream() {
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    return truth(values[slot]);
                }

                @Override
                public void writeState(StateWriter out) {
                }

                @Override
                public void readState(StateReader in) {
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    // ---------------------------------------------------------------- stateless operators

    /** Unary: negation, NOT, abs, sign. */
    static final class Unary extends Node {
        enum Op { NEGATE, NOT, ABS, SIGN }

        final Op op;
        final Node x;

        Unary(int id, ValueType type, Op op, Node x) {
            super(id, type);
            this.op = op;
            this.x = x;
        }

        static double apply(Op op, double v) {
            return switch (op) {
                case NEGATE -> -v;
                case NOT -> v != 0.0 ? 0.0 : 1.0;
                case ABS -> Math.abs(v);
                case SIGN -> Math.signum(v);
            };
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] a = x.evaluate(ws);
            double[] o = ws.scratch(id);
            int n = ws.n;
            switch (op) {
                case NEGATE -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = -a[i];
                    }
                }
                case NOT -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] == 0.0);
                    }
                }
                case ABS -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = Math.abs(a[i]);
                    }
                }
                case SIGN -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = Math.signum(a[i]);
                    }
                }
                default -> throw new AssertionError(op);
            }
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sx = x.stream();
            Op o = op;
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    return apply(o, sx.update(values));
                }

                @Override
                public void writeState(StateWriter out) {
                    sx.writeState(out);
                }

                @Override
                public void readState(StateReader in) {
                    sx.readState(in);
                }

                @Override
                public void reset() {
                    sx.reset();
                }
            };
        }
    }

    /** Binary: arithmetic, comparisons, AND/OR, min, max. */
    static final class Binary extends Node {
        enum Op { ADD, SUB, MUL, DIV, GT, GE, LT, LE, EQ, NE, AND, OR, MIN, MAX }

        final Op op;
        final Node left;
        final Node right;

        Binary(int id, ValueType type, Op op, Node left, Node right) {
            super(id, type);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        static double apply(Op op, double a, double b) {
            return switch (op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case GT -> bool(a > b);
                case GE -> bool(a >= b);
                case LT -> bool(a < b);
                case LE -> bool(a <= b);
                case EQ -> bool(a == b);
                case NE -> bool(a < b || a > b);
                case AND -> bool(a != 0.0 && b != 0.0);
                case OR -> bool(a != 0.0 || b != 0.0);
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] a = left.evaluate(ws);
            double[] b = right.evaluate(ws);
            double[] o = ws.scratch(id);
            int n = ws.n;
            // one flat loop per operator: no dispatch inside the loop
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = a[i] + b[i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = a[i] - b[i];
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = a[i] * b[i];
                    }
                }
                case DIV -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = a[i] / b[i];
                    }
                }
                case GT -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] > b[i]);
                    }
                }
                case GE -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] >= b[i]);
                    }
                }
                case LT -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] < b[i]);
                    }
                }
                case LE -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] <= b[i]);
                    }
                }
                case EQ -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] == b[i]);
                    }
                }
                case NE -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] < b[i] | a[i] > b[i]);
                    }
                }
                case AND -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] != 0.0 & b[i] != 0.0);
                    }
                }
                case OR -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = bit(a[i] != 0.0 | b[i] != 0.0);
                    }
                }
                case MIN -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = Math.min(a[i], b[i]);
                    }
                }
                case MAX -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = Math.max(a[i], b[i]);
                    }
                }
                default -> throw new AssertionError(op);
            }
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sa = left.stream();
            StreamNode sb = right.stream();
            Op o = op;
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    double a = sa.update(values);
                    double b = sb.update(values);
                    return apply(o, a, b);
                }

                @Override
                public void writeState(StateWriter out) {
                    sa.writeState(out);
                    sb.writeState(out);
                }

                @Override
                public void readState(StateReader in) {
                    sa.readState(in);
                    sb.readState(in);
                }

                @Override
                public void reset() {
                    sa.reset();
                    sb.reset();
                }
            };
        }
    }

    // ---------------------------------------------------------------- operators over time

    /** {@code lag(x, k)} = x[t−k] and {@code change(x, k)} = x[t] − x[t−k]; NaN for t &lt; k. */
    static final class Lag extends Node {
        final Node x;
        final int k;
        final boolean change;

        Lag(int id, Node x, int k, boolean change) {
            super(id, ValueType.NUMBER);
            this.x = x;
            this.k = k;
            this.change = change;
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] a = x.evaluate(ws);
            double[] o = ws.scratch(id);
            int n = ws.n;
            int head = Math.min(k, n);
            Arrays.fill(o, 0, head, Double.NaN);
            if (change) {
                for (int i = head; i < n; i++) {
                    o[i] = a[i] - a[i - k];
                }
            } else {
                System.arraycopy(a, 0, o, head, n - head);
            }
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sx = x.stream();
            double[] ring = new double[k];
            boolean isChange = change;
            return new StreamNode() {
                private int pos;
                private int seen; // saturating at k

                @Override
                public double update(double[] values) {
                    double v = sx.update(values);
                    double lagged = seen >= k ? ring[pos] : Double.NaN;
                    ring[pos] = v;
                    pos = pos + 1 == k ? 0 : pos + 1;
                    if (seen < k) {
                        seen++;
                        return Double.NaN;
                    }
                    return isChange ? v - lagged : lagged;
                }

                @Override
                public void writeState(StateWriter out) {
                    sx.writeState(out);
                    out.putDoubles(ring);
                    out.putInt(pos);
                    out.putInt(seen);
                }

                @Override
                public void readState(StateReader in) {
                    sx.readState(in);
                    in.getDoubles(ring);
                    pos = in.getInt();
                    seen = in.getInt();
                }

                @Override
                public void reset() {
                    sx.reset();
                    pos = 0;
                    seen = 0;
                }
            };
        }
    }

    /** {@code x increasing} (x[t] &gt; x[t−1]) and {@code x decreasing}; false at t = 0 and with NaN. */
    static final class Trend extends Node {
        final Node x;
        final boolean rising;

        Trend(int id, Node x, boolean rising) {
            super(id, ValueType.BOOLEAN);
            this.x = x;
            this.rising = rising;
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] a = x.evaluate(ws);
            double[] o = ws.scratch(id);
            int n = ws.n;
            if (n > 0) {
                o[0] = 0.0;
            }
            if (rising) {
                for (int i = 1; i < n; i++) {
                    o[i] = bit(a[i] > a[i - 1]);
                }
            } else {
                for (int i = 1; i < n; i++) {
                    o[i] = bit(a[i] < a[i - 1]);
                }
            }
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sx = x.stream();
            boolean up = rising;
            return new StreamNode() {
                private double previous = Double.NaN; // NaN compares false, so t = 0 is false

                @Override
                public double update(double[] values) {
                    double v = sx.update(values);
                    boolean r = up ? v > previous : v < previous;
                    previous = v;
                    return r ? 1.0 : 0.0;
                }

                @Override
                public void writeState(StateWriter out) {
                    sx.writeState(out);
                    out.putDouble(previous);
                }

                @Override
                public void readState(StateReader in) {
                    sx.readState(in);
                    previous = in.getDouble();
                }

                @Override
                public void reset() {
                    sx.reset();
                    previous = Double.NaN;
                }
            };
        }
    }

    /** {@code crosses_above(a, b)} = a[t] &gt; b[t] and a[t−1] ≤ b[t−1]; crosses_below mirrored. */
    static final class Cross extends Node {
        final Node a;
        final Node b;
        final boolean above;

        Cross(int id, Node a, Node b, boolean above) {
            super(id, ValueType.BOOLEAN);
            this.a = a;
            this.b = b;
            this.above = above;
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] x = a.evaluate(ws);
            double[] y = b.evaluate(ws);
            double[] o = ws.scratch(id);
            int n = ws.n;
            if (n > 0) {
                o[0] = 0.0;
            }
            if (above) {
                for (int i = 1; i < n; i++) {
                    o[i] = bit(x[i] > y[i] & x[i - 1] <= y[i - 1]);
                }
            } else {
                for (int i = 1; i < n; i++) {
                    o[i] = bit(x[i] < y[i] & x[i - 1] >= y[i - 1]);
                }
            }
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sa = a.stream();
            StreamNode sb = b.stream();
            boolean up = above;
            return new StreamNode() {
                private double prevA = Double.NaN; // NaN compares false, so t = 0 is false
                private double prevB = Double.NaN;

                @Override
                public double update(double[] values) {
                    double x = sa.update(values);
                    double y = sb.update(values);
                    boolean r = up ? x > y && prevA <= prevB : x < y && prevA >= prevB;
                    prevA = x;
                    prevB = y;
                    return r ? 1.0 : 0.0;
                }

                @Override
                public void writeState(StateWriter out) {
                    sa.writeState(out);
                    sb.writeState(out);
                    out.putDouble(prevA);
                    out.putDouble(prevB);
                }

                @Override
                public void readState(StateReader in) {
                    sa.readState(in);
                    sb.readState(in);
                    prevA = in.getDouble();
                    prevB = in.getDouble();
                }

                @Override
                public void reset() {
                    sa.reset();
                    sb.reset();
                    prevA = Double.NaN;
                    prevB = Double.NaN;
                }
            };
        }
    }

    /** {@code normalized(x, n)}, see {@link RollingNormalizer}. */
    static final class Normalized extends Node {
        final Node x;
        final int window;

        Normalized(int id, Node x, int window) {
            super(id, ValueType.NUMBER);
            this.x = x;
            this.window = window;
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] a = x.evaluate(ws);
            double[] o = ws.scratch(id);
            RollingNormalizer.BatchScratch k = (RollingNormalizer.BatchScratch) ws.kernels[id];
            if (k == null) {
                k = new RollingNormalizer.BatchScratch(window);
                ws.kernels[id] = k;
            }
            RollingNormalizer.batch(a, ws.n, window, o, k);
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sx = x.stream();
            RollingNormalizer k = new RollingNormalizer(window);
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    return k.push(sx.update(values));
                }

                @Override
                public void writeState(StateWriter out) {
                    sx.writeState(out);
                    k.writeState(out);
                }

                @Override
                public void readState(StateReader in) {
                    sx.readState(in);
                    k.readState(in);
                }

                @Override
                public void reset() {
                    sx.reset();
                    k.reset();
                }
            };
        }
    }

    /** {@code detect_divergence(x, y, n)}, see {@link RollingDivergence}. */
    static final class Divergence extends Node {
        final Node x;
        final Node y;
        final int window;

        Divergence(int id, Node x, Node y, int window) {
            super(id, ValueType.NUMBER);
            this.x = x;
            this.y = y;
            this.window = window;
        }

        @Override
        double[] evaluate(Workspace ws) {
            double[] a = x.evaluate(ws);
            double[] b = y.evaluate(ws);
            double[] o = ws.scratch(id);
            RollingDivergence.BatchScratch k = (RollingDivergence.BatchScratch) ws.kernels[id];
            if (k == null) {
                k = new RollingDivergence.BatchScratch();
                ws.kernels[id] = k;
            }
            RollingDivergence.batch(a, b, ws.n, window, o, k);
            return o;
        }

        @Override
        StreamNode stream() {
            StreamNode sx = x.stream();
            StreamNode sy = y.stream();
            RollingDivergence k = new RollingDivergence(window);
            return new StreamNode() {
                @Override
                public double update(double[] values) {
                    double a = sx.update(values);
                    double b = sy.update(values);
                    return k.push(a, b);
                }

                @Override
                public void writeState(StateWriter out) {
                    sx.writeState(out);
                    sy.writeState(out);
                    k.writeState(out);
                }

                @Override
                public void readState(StateReader in) {
                    sx.readState(in);
                    sy.readState(in);
                    k.readState(in);
                }

                @Override
                public void reset() {
                    sx.reset();
                    sy.reset();
                    k.reset();
                }
            };
        }
    }
}
