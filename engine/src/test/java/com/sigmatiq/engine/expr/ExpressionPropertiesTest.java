package com.sigmatiq.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random typed expression trees over random columns (with NaN gaps and flat runs):
 * <ul>
 *   <li>batch evaluation equals a naive per-bar reference interpreter (below, independent of the
 *       production parser and nodes: it evaluates its own tree and recomputes every window from
 *       scratch) <em>bitwise</em> — the same IEEE operations are done in the same order;</li>
 *   <li>streaming equals batch bitwise, and a batch over a prefix equals the prefix of a batch
 *       (including detect_divergence everywhere);</li>
 *   <li>detect_divergence of random numeric subtrees equals its definition within 1e-9 × max(1, |v|):
 *       here and only here the reference legitimately differs, computing σ exactly in decimal while
 *       the engine computes it in doubles around a pivot. (Divergence is therefore kept out of the bitwise property:
 *       a 1e-16 difference feeding a comparison could flip a boolean.)</li>
 * </ul>
 * The source text is rendered from the tree with only the parentheses precedence requires (plus some
 * random extra ones) and keywords in random case, so the properties also check the parser's
 * precedence against the reference's tree.
 */
class ExpressionPropertiesTest {

    private static final String[] NUMS = {"x0", "x1", "x2"};
    private static final String[] BOOLS = {"b0", "b1"};
    private static final SymbolTable SYMBOLS = SymbolTable.builder()
            .add("x0", ValueType.NUMBER).add("b0", ValueType.BOOLEAN).add("x1", ValueType.NUMBER)
            .add("x2", ValueType.NUMBER).add("b1", ValueType.BOOLEAN).build();
    private static final double SCALED_TOLERANCE = 1e-9;

    // ------------------------------------------------------------------ the reference's own tree

    sealed interface E {
    }

    record Sym(String name, boolean bool) implements E {
    }

    record Lit(double value, boolean bool) implements E {
    }

    record Neg(E x) implements E {
    }

    record Not(E x) implements E {
    }

    /** op: + - * / > >= < <= == != AND OR. */
    record Bin(String op, E l, E r) implements E {
    }

    /** Functions; window = the integer argument written last, or 0 to leave the default out. */
    record Fn(String name, List<E> args, int window) implements E {
    }

    record Trend(E x, boolean rising) implements E {
    }

    record Case(E tree, String source, Map<String, double[]> columns, int n) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(source).append("  n=").append(n);
            columns.forEach((k, v) -> sb.append("\n  ").append(k).append('=').append(Arrays.toString(v)));
            return sb.toString();
        }
    }

    // ------------------------------------------------------------------ generation

    private static final class Generator {
        final Random r;
        final boolean divergence;

        Generator(Random r, boolean divergence) {
            this.r = r;
            this.divergence = divergence;
        }

        E number(int depth) {
            if (depth <= 0 || r.nextInt(5) == 0) {
                return r.nextInt(4) == 0 ? new Lit(literal(), false) : new Sym(NUMS[r.nextInt(NUMS.length)], false);
            }
            int choice = r.nextInt(divergence ? 13 : 12);
            return switch (choice) {
                case 0 -> new Neg(number(depth - 1));
                case 1, 2, 3 -> new Bin(new String[] {"+", "-", "*", "/"}[r.nextInt(4)], number(depth - 1), number(depth - 1));
                case 4 -> new Fn("abs", List.of(number(depth - 1)), 0);
                case 5 -> new Fn("sign", List.of(number(depth - 1)), 0);
                case 6 -> new Fn(r.nextBoolean() ? "min" : "max", List.of(number(depth - 1), number(depth - 1)), 0);
                case 7, 8 -> new Fn("normalized", List.of(number(depth - 1)), 1 + r.nextInt(6));
                case 9 -> new Fn("lag", List.of(number(depth - 1)), 1 + r.nextInt(4));
                case 10 -> new Fn("change", List.of(number(depth - 1)), 1 + r.nextInt(4));
                case 11 -> number(0);
                default -> new Fn("detect_divergence", List.of(number(depth - 1), number(depth - 1)), 1 + r.nextInt(5));
            };
        }

        E bool(int depth) {
            if (depth <= 0 || r.nextInt(6) == 0) {
                return r.nextInt(5) == 0 ? new Lit(r.nextBoolean() ? 1 : 0, true) : new Sym(BOOLS[r.nextInt(BOOLS.length)], true);
            }
            return switch (r.nextInt(9)) {
                case 0 -> new Not(bool(depth - 1));
                case 1, 2 -> new Bin(r.nextBoolean() ? "AND" : "OR", bool(depth - 1), bool(depth - 1));
                case 3, 4 -> new Bin(new String[] {">", ">=", "<", "<=", "==", "!="}[r.nextInt(6)],
                        number(depth - 1), number(depth - 1));
                case 5 -> new Bin(r.nextBoolean() ? "==" : "!=", bool(depth - 1), bool(depth - 1));
                case 6 -> new Fn(r.nextBoolean() ? "crosses_above" : "crosses_below",
                        List.of(number(depth - 1), number(depth - 1)), 0);
                default -> new Trend(number(depth - 1), r.nextBoolean());
            };
        }

        double literal() {
            double[] v = {0, 1, 2, 3, 0.5, 1.5, 0.25, 10, 50, 100};
            return v[r.nextInt(v.length)];
        }

        double[] numberColumn(int n) {
            double[] c = new double[n];
            double[] palette = {-2, -1, 0, 0.5, 1, 2, 3, 5, 7.25, 10, 100};
            double nanRate = r.nextInt(3) == 0 ? 0 : 0.06;
            for (int i = 0; i < n; i++) {
                if (i > 0 && r.nextInt(4) == 0) {
                    c[i] = c[i - 1]; // flat runs: σ = 0, normalized 0.5, no crossing
                } else if (r.nextDouble() < nanRate) {
                    c[i] = Double.NaN;
                } else if (r.nextBoolean()) {
                    c[i] = palette[r.nextInt(palette.length)];
                } else {
                    c[i] = Math.round(r.nextGaussian() * 1000) / 100.0;
                }
            }
            return c;
        }

        double[] boolColumn(int n) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = r.nextInt(3) == 0 ? 1 : 0;
            }
            return c;
        }

        Case make(E tree) {
            int n = r.nextInt(8) == 0 ? r.nextInt(3) : r.nextInt(70);
            Map<String, double[]> cols = new java.util.LinkedHashMap<>();
            for (String s : NUMS) {
                cols.put(s, numberColumn(n));
            }
            for (String s : BOOLS) {
                cols.put(s, boolColumn(n));
            }
            return new Case(tree, render(tree, 0), cols, n);
        }

        // precedence levels: OR 1, AND 2, NOT 3, comparison 4, postfix 5, + - 6, * / 7, unary minus 8, primary 9
        String render(E e, int min) {
            int prec = prec(e);
            String s = raw(e);
            return prec < min || r.nextInt(12) == 0 ? "(" + s + ")" : s;
        }

        private String kw(String k) {
            return switch (r.nextInt(3)) {
                case 0 -> k.toLowerCase(Locale.ROOT);
                case 1 -> k.toUpperCase(Locale.ROOT);
                default -> k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT);
            };
        }

        private String raw(E e) {
            if (e instanceof Sym s) {
                return s.name();
            }
            if (e instanceof Lit l) {
                return l.bool() ? kw(l.value() != 0 ? "TRUE" : "FALSE") : Double.toString(l.value());
            }
            if (e instanceof Neg n) {
                return "-" + render(n.x(), 8);
            }
            if (e instanceof Not n) {
                return kw("NOT") + " " + render(n.x(), 3);
            }
            if (e instanceof Trend t) {
                return render(t.x(), 6) + " " + kw(t.rising() ? "INCREASING" : "DECREASING");
            }
            if (e instanceof Bin b) {
                int p = prec(b);
                String op = b.op().equals("AND") || b.op().equals("OR") ? kw(b.op()) : b.op();
                int leftMin = p == 4 ? 5 : p;
                int rightMin = p == 4 ? 5 : p + 1;
                return render(b.l(), leftMin) + " " + op + " " + render(b.r(), rightMin);
            }
            Fn f = (Fn) e;
            StringBuilder sb = new StringBuilder(f.name()).append('(');
            for (int i = 0; i < f.args().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(render(f.args().get(i), 0));
            }
            if (f.window() > 0) {
                sb.append(", ").append(f.window());
            }
            return sb.append(')').toString();
        }

        private static int prec(E e) {
            if (e instanceof Neg) {
                return 8;
            }
            if (e instanceof Not) {
                return 3;
            }
            if (e instanceof Trend) {
                return 5;
            }
            if (e instanceof Bin b) {
                return switch (b.op()) {
                    case "OR" -> 1;
                    case "AND" -> 2;
                    case "+", "-" -> 6;
                    case "*", "/" -> 7;
                    default -> 4;
                };
            }
            return 9;
        }
    }

    // ------------------------------------------------------------------ the reference interpreter

    /** Evaluates bar t of a tree by the language's definitions, recomputing windows naively (memoised). */
    private static final class Reference {
        final Map<String, double[]> cols;
        final IdentityHashMap<E, double[]> memo = new IdentityHashMap<>();
        final IdentityHashMap<E, boolean[]> done = new IdentityHashMap<>();
        final int n;

        Reference(Map<String, double[]> cols, int n) {
            this.cols = cols;
            this.n = n;
        }

        double at(E e, int t) {
            boolean[] d = done.computeIfAbsent(e, k -> new boolean[n]);
            double[] m = memo.computeIfAbsent(e, k -> new double[n]);
            if (!d[t]) {
                m[t] = compute(e, t);
                d[t] = true;
            }
            return m[t];
        }

        static double truth(boolean b) {
            return b ? 1 : 0;
        }

        static boolean bothNumbers(double a, double b) {
            return !Double.isNaN(a) && !Double.isNaN(b);
        }

        double compute(E e, int t) {
            if (e instanceof Sym s) {
                double v = cols.get(s.name())[t];
                return s.bool() ? truth(v == 1) : v;
            }
            if (e instanceof Lit l) {
                return l.value();
            }
            if (e instanceof Neg ng) {
                return -at(ng.x(), t);
            }
            if (e instanceof Not nt) {
                return truth(at(nt.x(), t) == 0);
            }
            if (e instanceof Trend tr) {
                if (t == 0) {
                    return 0;
                }
                double now = at(tr.x(), t);
                double before = at(tr.x(), t - 1);
                if (!bothNumbers(now, before)) {
                    return 0;
                }
                return truth(tr.rising() ? now > before : now < before);
            }
            if (e instanceof Bin b) {
                double l = at(b.l(), t);
                double r = at(b.r(), t);
                return switch (b.op()) {
                    case "+" -> l + r;
                    case "-" -> l - r;
                    case "*" -> l * r;
                    case "/" -> l / r;
                    case ">" -> truth(bothNumbers(l, r) && l > r);
                    case ">=" -> truth(bothNumbers(l, r) && l >= r);
                    case "<" -> truth(bothNumbers(l, r) && l < r);
                    case "<=" -> truth(bothNumbers(l, r) && l <= r);
                    case "==" -> truth(bothNumbers(l, r) && l == r);
                    case "!=" -> truth(bothNumbers(l, r) && l != r);
                    case "AND" -> truth(l == 1 && r == 1);
                    case "OR" -> truth(l == 1 || r == 1);
                    default -> throw new AssertionError(b.op());
                };
            }
            Fn f = (Fn) e;
            E x = f.args().get(0);
            switch (f.name()) {
                case "abs":
                    return Math.abs(at(x, t));
                case "sign":
                    return Math.signum(at(x, t));
                case "min":
                    return Math.min(at(x, t), at(f.args().get(1), t));
                case "max":
                    return Math.max(at(x, t), at(f.args().get(1), t));
                case "lag":
                    return t < f.window() ? Double.NaN : at(x, t - f.window());
                case "change":
                    return t < f.window() ? Double.NaN : at(x, t) - at(x, t - f.window());
                case "crosses_above":
                case "crosses_below": {
                    if (t == 0) {
                        return 0;
                    }
                    E y = f.args().get(1);
                    double a = at(x, t);
                    double b = at(y, t);
                    double a1 = at(x, t - 1);
                    double b1 = at(y, t - 1);
                    if (!bothNumbers(a, b) || !bothNumbers(a1, b1)) {
                        return 0;
                    }
                    return f.name().equals("crosses_above") ? truth(a > b && a1 <= b1) : truth(a < b && a1 >= b1);
                }
                case "normalized": {
                    int w = f.window() == 0 ? 100 : f.window();
                    if (t < w - 1) {
                        return Double.NaN;
                    }
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = t - w + 1; i <= t; i++) {
                        double v = at(x, i);
                        if (!Double.isFinite(v)) {
                            return Double.NaN;
                        }
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    return max == min ? 0.5 : (at(x, t) - min) / (max - min);
                }
                case "detect_divergence": {
                    int w = f.window() == 0 ? 14 : f.window();
                    if (t < w) {
                        return Double.NaN;
                    }
                    double tx = standardizedChange(x, t, w);
                    double ty = standardizedChange(f.args().get(1), t, w);
                    if (Double.isNaN(tx) || Double.isNaN(ty)) {
                        return Double.NaN;
                    }
                    double d = (ty - tx) / 4;
                    return Math.max(-1, Math.min(1, d));
                }
                default:
                    throw new AssertionError(f.name());
            }
        }

        /**
         * (v[t] − v[t−w]) / σ(v[t−w+1..t]) computed exactly in decimal arithmetic (34 digits), rounded once at the
         * end: the definition itself, with no floating-point cancellation; 0 when the w values are all equal.
         */
        double standardizedChange(E e, int t, int w) {
            for (int i = t - w; i <= t; i++) {
                if (!Double.isFinite(at(e, i))) {
                    return Double.NaN;
                }
            }
            java.math.MathContext mc = java.math.MathContext.DECIMAL128;
            boolean allEqual = true;
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (int i = t - w + 1; i <= t; i++) {
                allEqual &= at(e, i) == at(e, t);
                sum = sum.add(new java.math.BigDecimal(at(e, i)));
            }
            if (allEqual) {
                return 0;
            }
            java.math.BigDecimal mean = sum.divide(java.math.BigDecimal.valueOf(w), mc);
            java.math.BigDecimal ss = java.math.BigDecimal.ZERO;
            for (int i = t - w + 1; i <= t; i++) {
                java.math.BigDecimal d = new java.math.BigDecimal(at(e, i)).subtract(mean, mc);
                ss = ss.add(d.multiply(d, mc), mc);
            }
            java.math.BigDecimal sd = ss.divide(java.math.BigDecimal.valueOf(w), mc).sqrt(mc);
            if (sd.signum() == 0) {
                return 0;
            }
            java.math.BigDecimal change = new java.math.BigDecimal(at(e, t)).subtract(new java.math.BigDecimal(at(e, t - w)));
            return change.divide(sd, mc).doubleValue();
        }
    }

    // ------------------------------------------------------------------ properties

    @Provide
    Arbitrary<Case> exactCases() {
        return Arbitraries.randomValue(r -> {
            Generator g = new Generator(r, false);
            return g.make(r.nextBoolean() ? g.number(1 + r.nextInt(4)) : g.bool(1 + r.nextInt(4)));
        });
    }

    @Provide
    Arbitrary<Case> anyCases() {
        return Arbitraries.randomValue(r -> {
            Generator g = new Generator(r, true);
            return g.make(r.nextBoolean() ? g.number(1 + r.nextInt(4)) : g.bool(1 + r.nextInt(4)));
        });
    }

    @Provide
    Arbitrary<Case> divergenceCases() {
        return Arbitraries.randomValue(r -> {
            Generator g = new Generator(r, false);
            E tree = new Fn("detect_divergence", List.of(g.number(r.nextInt(3)), g.number(r.nextInt(3))),
                    r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(6)); // 0: the default window, 14
            return g.make(tree);
        });
    }

    private static double[][] columns(Case c) {
        double[][] cols = new double[SYMBOLS.size()][];
        c.columns().forEach((k, v) -> cols[SYMBOLS.slot(k)] = v);
        return cols;
    }

    private static double[] batch(CompiledExpression e, Case c) {
        double[] out = new double[c.n()];
        e.evaluate(columns(c), c.n(), out);
        return out;
    }

    private static double[] reference(Case c) {
        Reference ref = new Reference(c.columns(), c.n());
        double[] out = new double[c.n()];
        for (int t = 0; t < c.n(); t++) {
            out[t] = ref.at(c.tree(), t);
        }
        return out;
    }

    @Property(tries = 600)
    void batchEqualsReferenceBitwise(@ForAll("exactCases") Case c) {
        CompiledExpression e = ExpressionCompiler.compile(c.source(), SYMBOLS);
        double[] got = batch(e, c);
        double[] want = reference(c);
        for (int t = 0; t < c.n(); t++) {
            assertThat(Double.doubleToLongBits(got[t])).as("bar %d: engine %s, reference %s\n%s", t, got[t], want[t], c)
                    .isEqualTo(Double.doubleToLongBits(want[t]));
        }
        if (e.type() == ValueType.BOOLEAN) {
            for (double v : got) {
                assertThat(v == 0.0 || v == 1.0).as("boolean result %s\n%s", v, c).isTrue();
            }
        }
    }

    @Property(tries = 600)
    void streamEqualsBatchBitwiseAndBatchIsCausal(@ForAll("anyCases") Case c) {
        CompiledExpression e = ExpressionCompiler.compile(c.source(), SYMBOLS);
        double[] full = batch(e, c);
        ExpressionStream s = e.stream();
        double[][] cols = columns(c);
        double[] bar = new double[SYMBOLS.size()];
        for (int pass = 0; pass < 2; pass++) { // the second pass after reset()
            for (int t = 0; t < c.n(); t++) {
                for (int k = 0; k < cols.length; k++) {
                    bar[k] = cols[k][t];
                }
                double v = s.update(bar);
                assertThat(Double.doubleToLongBits(v)).as("pass %d bar %d: stream %s, batch %s\n%s", pass, t, v, full[t], c)
                        .isEqualTo(Double.doubleToLongBits(full[t]));
            }
            s.reset();
        }
        // a shorter batch on the same (reused, larger) workspace gives the prefix
        int m = c.n() / 2;
        double[] prefix = new double[m];
        e.evaluate(cols, m, prefix);
        for (int t = 0; t < m; t++) {
            assertThat(Double.doubleToLongBits(prefix[t])).as("prefix bar %d\n%s", t, c)
                    .isEqualTo(Double.doubleToLongBits(full[t]));
        }
    }

    /**
     * A stream saved at random bars and restored into a fresh stream of the same expression (a chain of restarts)
     * continues bit for bit as the uninterrupted one, and the restored stream saves the same bytes.
     */
    @Property(tries = 300)
    void savedAndRestoredStreamContinuesBitwise(@ForAll("anyCases") Case c) {
        CompiledExpression e = ExpressionCompiler.compile(c.source(), SYMBOLS);
        ExpressionStream whole = e.stream();
        ExpressionStream restarted = e.stream();
        double[][] cols = columns(c);
        double[] bar = new double[SYMBOLS.size()];
        Random cuts = new Random(c.source().hashCode());
        for (int t = 0; t < c.n(); t++) {
            for (int k = 0; k < cols.length; k++) {
                bar[k] = cols[k][t];
            }
            double v = whole.update(bar);
            double w = restarted.update(bar);
            assertThat(Double.doubleToLongBits(w)).as("bar %d: restarted %s, whole %s\n%s", t, w, v, c)
                    .isEqualTo(Double.doubleToLongBits(v));
            if (cuts.nextInt(4) == 0) {
                com.sigmatiq.engine.state.StateWriter out = new com.sigmatiq.engine.state.StateWriter();
                restarted.writeState(out);
                byte[] state = out.toByteArray();
                restarted = e.stream();
                com.sigmatiq.engine.state.StateReader in = new com.sigmatiq.engine.state.StateReader(state);
                restarted.readState(in);
                in.expectEnd();
                com.sigmatiq.engine.state.StateWriter again = new com.sigmatiq.engine.state.StateWriter();
                restarted.writeState(again);
                assertThat(again.toByteArray()).as("bar %d: restored state saves the same\n%s", t, c).isEqualTo(state);
            }
        }
    }

    @Property(tries = 400)
    void detectDivergenceMatchesItsDefinition(@ForAll("divergenceCases") Case c) {
        CompiledExpression e = ExpressionCompiler.compile(c.source(), SYMBOLS);
        double[] got = batch(e, c);
        double[] want = reference(c);
        for (int t = 0; t < c.n(); t++) {
            if (Double.isNaN(want[t])) {
                assertThat(got[t]).as("bar %d\n%s", t, c).isNaN();
            } else {
                assertThat(got[t]).as("bar %d\n%s", t, c)
                        .isCloseTo(want[t], org.assertj.core.api.Assertions.within(
                                SCALED_TOLERANCE * Math.max(1, Math.abs(want[t]))));
            }
        }
    }

    /** The generator really produces what it claims to cover (guards against a vacuous property). */
    @Property(tries = 1)
    void generatorCoversEveryConstruct() {
        Random r = new Random(11);
        Generator g = new Generator(r, true);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            all.append(g.render(g.bool(4), 0)).append('\n').append(g.render(g.number(4), 0)).append('\n');
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        for (String construct : new String[] {" + ", " - ", " * ", " / ", " > ", " >= ", " < ", " <= ", " == ", " != ",
                " and ", " or ", "not ", "abs(", "sign(", "min(", "max(", "normalized(", "detect_divergence(",
                "crosses_above(", "crosses_below(", "lag(", "change(", " increasing", " decreasing", "true", "false",
                "-x", "(("}) {
            assertThat(text).as(construct).contains(construct);
        }
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sources.add(g.render(g.number(3), 0));
        }
        assertThat(sources).allSatisfy(s -> assertThat(ExpressionCompiler.compile(s, SYMBOLS).type())
                .isEqualTo(ValueType.NUMBER));
    }
}
