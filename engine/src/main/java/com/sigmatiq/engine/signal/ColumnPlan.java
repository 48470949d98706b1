package com.sigmatiq.engine.signal;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.expr.CompiledExpression;
import com.sigmatiq.engine.expr.ExpressionCompiler;
import com.sigmatiq.engine.expr.ExpressionStream;
import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.indicator.IndicatorKind;
import com.sigmatiq.engine.indicator.Indicators;
import com.sigmatiq.engine.indicator.StreamingIndicator;
import com.sigmatiq.engine.pack.FeatureDef;
import com.sigmatiq.engine.pack.IndicatorDef;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How to compute a chosen set of a pack's names (bar fields, indicator outputs, features) over bars:
 * which indicators to run with which parameters and which features to evaluate in which order. Columns
 * are indexed by the slots of {@link Pack#symbols()}.
 *
 * <p>Resolved once from a pack and indicator parameters; thread-safe and reusable for any number of
 * series, batch ({@link #compute}) or streaming ({@link #stream()}).
 */
public final class ColumnPlan {

    private final SymbolTable symbols;
    private final List<Step> indicators;
    private final List<Feature> features;
    private final BitSet needed;
    private final int[] warmup;

    /** One indicator to run: its kind, parameters, and the slot of each output (-1 when unused). */
    private record Step(IndicatorKind kind, double[] params, int[] outputSlots) {
    }

    private record Feature(int slot, CompiledExpression expr) {
    }

    private ColumnPlan(SymbolTable symbols, List<Step> indicators, List<Feature> features, BitSet needed, int[] warmup) {
        this.symbols = symbols;
        this.indicators = indicators;
        this.features = features;
        this.needed = needed;
        this.warmup = warmup;
    }

    /** The slots this plan computes, as a set ({@code {1, 4, 7}}): part of what tells two plans apart. */
    public String computedNames() {
        return needed.toString();
    }

    /**
     * A plan for {@code names} and everything they depend on.
     *
     * @param indicatorParams parameters by indicator id (as in {@code StrategyConfig.indicatorParams()})
     */
    public static ColumnPlan of(Pack pack, Map<String, double[]> indicatorParams, Collection<String> names) {
        SymbolTable symbols = pack.symbols();
        int n = symbols.size();
        CompiledExpression[] compiled = new CompiledExpression[n];
        for (FeatureDef f : pack.features()) {
            compiled[symbols.slot(f.id())] = ExpressionCompiler.compile(f.calculation(), symbols);
        }
        BitSet needed = new BitSet(n);
        List<Integer> stack = new ArrayList<>();
        for (String name : names) {
            int s = symbols.slot(name);
            if (s < 0) {
                throw new IllegalArgumentException("unknown name '" + name + "'; known: " + symbols.names());
            }
            stack.add(s);
        }
        while (!stack.isEmpty()) {
            int s = stack.remove(stack.size() - 1);
            if (needed.get(s)) {
                continue;
            }
            needed.set(s);
            if (compiled[s] != null) {
                for (int r : compiled[s].referencedSlots()) {
                    stack.add(r);
                }
            }
        }
        int[] warmup = new int[n];
        List<Step> steps = new ArrayList<>();
        for (IndicatorDef d : pack.indicators()) {
            double[] params = indicatorParams.getOrDefault(d.id(), d.params());
            List<String> outs = d.outputNames();
            int[] slots = new int[outs.size()];
            boolean any = false;
            for (int k = 0; k < slots.length; k++) {
                int s = symbols.slot(outs.get(k));
                warmup[s] = d.kind().warmup(params, k);
                if (d.kind() == IndicatorKind.MACD && k == 0) {
                    int alias = symbols.slot(IndicatorKind.MACD_ALIAS);
                    if (alias >= 0) {
                        warmup[alias] = warmup[s];
                        if (needed.get(alias)) {
                            needed.set(s);
                        }
                    }
                }
                slots[k] = needed.get(s) ? s : -1;
                any |= needed.get(s);
            }
            if (any) {
                steps.add(new Step(d.kind(), params.clone(), slots));
            }
        }
        // features in dependency order, each after every feature it reads
        List<Feature> order = new ArrayList<>();
        BitSet done = new BitSet(n);
        done.set(0, n);
        for (FeatureDef f : pack.features()) {
            done.clear(symbols.slot(f.id()));
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (FeatureDef f : pack.features()) {
                int s = symbols.slot(f.id());
                if (done.get(s)) {
                    continue;
                }
                boolean ready = true;
                int w = 0;
                for (int r : compiled[s].referencedSlots()) {
                    ready &= done.get(r);
                    w = Math.max(w, warmup[r]);
                }
                if (ready) {
                    done.set(s);
                    warmup[s] = w;
                    progress = true;
                    if (needed.get(s)) {
                        order.add(new Feature(s, compiled[s]));
                    }
                }
            }
        }
        return new ColumnPlan(symbols, List.copyOf(steps), List.copyOf(order), needed, warmup);
    }

    public SymbolTable symbols() {
        return symbols;
    }

    /** Whether the plan computes {@code slot}. */
    public boolean computes(int slot) {
        return needed.get(slot);
    }

    /**
     * The first bar index at which {@code slot} is past its warm-up: for an indicator output TA-Lib's
     * lookback, for a feature the largest warm-up of its inputs (features expanded to their inputs), for
     * bar fields 0.
     */
    public int warmup(int slot) {
        return warmup[slot];
    }

    /** Columns by slot ({@code null} where not computed) over all bars of {@code bars}. */
    public double[][] compute(BarSeries bars) {
        int n = bars.size();
        double[][] cols = new double[symbols.size()][];
        cols[0] = bars.open();
        cols[1] = bars.high();
        cols[2] = bars.low();
        cols[3] = bars.close();
        cols[4] = bars.volume();
        cols[5] = bars.close();
        for (Step step : indicators) {
            double[][] out = new double[step.outputSlots.length][];
            for (int k = 0; k < out.length; k++) {
                out[k] = new double[n];
            }
            Indicators.compute(step.kind, step.params, bars.open(), bars.high(), bars.low(), bars.close(), bars.volume(), n, out);
            for (int k = 0; k < out.length; k++) {
                if (step.outputSlots[k] >= 0) {
                    cols[step.outputSlots[k]] = out[k];
                }
            }
            if (step.kind == IndicatorKind.MACD) {
                int alias = symbols.slot(IndicatorKind.MACD_ALIAS);
                if (alias >= 0 && needed.get(alias)) {
                    cols[alias] = out[0];
                }
            }
        }
        for (Feature f : features) {
            double[] out = new double[n];
            f.expr.evaluate(cols, n, out);
            cols[f.slot] = out;
        }
        return cols;
    }

    /** A fresh streaming twin of {@link #compute}: feed bars one at a time, read values by slot. */
    public Stream stream() {
        return new Stream();
    }

    /** Streaming state of a {@link ColumnPlan}; not thread-safe; {@link #update} allocates nothing. */
    public final class Stream {
        private final StreamingIndicator[] running = new StreamingIndicator[indicators.size()];
        private final int[][] outputSlots = new int[indicators.size()][];
        private final int[] aliasSlots = new int[indicators.size()];
        private final ExpressionStream[] featureStreams = new ExpressionStream[features.size()];
        private final int[] featureSlots = new int[features.size()];
        private final double[] values = new double[symbols.size()];
        private int bars;

        private Stream() {
            int macdAlias = symbols.slot(IndicatorKind.MACD_ALIAS);
            for (int i = 0; i < running.length; i++) {
                Step s = indicators.get(i);
                running[i] = Indicators.streaming(s.kind, s.params);
                outputSlots[i] = s.outputSlots.clone();
                // the alias column as batch has it: only where the plan computes it
                aliasSlots[i] = s.kind == IndicatorKind.MACD && macdAlias >= 0 && needed.get(macdAlias) ? macdAlias : -1;
            }
            for (int i = 0; i < featureStreams.length; i++) {
                featureStreams[i] = features.get(i).expr.stream();
                featureSlots[i] = features.get(i).slot;
            }
            Arrays.fill(values, Double.NaN);
        }

        /** Takes one closed bar; afterwards {@link #values()} holds every computed name's value on it. */
        public void update(double open, double high, double low, double close, double volume) {
            double[] v = values;
            v[0] = open;
            v[1] = high;
            v[2] = low;
            v[3] = close;
            v[4] = volume;
            v[5] = close;
            for (int i = 0; i < running.length; i++) {
                StreamingIndicator ind = running[i];
                ind.update(open, high, low, close, volume);
                int[] slots = outputSlots[i];
                for (int k = 0; k < slots.length; k++) {
                    if (slots[k] >= 0) {
                        v[slots[k]] = ind.value(k);
                    }
                }
                if (aliasSlots[i] >= 0) {
                    v[aliasSlots[i]] = ind.value(0);
                }
            }
            for (int i = 0; i < featureStreams.length; i++) {
                v[featureSlots[i]] = featureStreams[i].update(v);
            }
            bars++;
        }

        /** This bar's values by slot (shared; read only). */
        public double[] values() {
            return values;
        }

        /** Bars taken so far. */
        public int bars() {
            return bars;
        }

        /** Writes the indicators' and features' state and this bar's values, for {@link #readState}. */
        public void writeState(StateWriter out) {
            out.putInt(bars);
            out.putDoubles(values);
            for (StreamingIndicator i : running) {
                i.writeState(out);
            }
            for (ExpressionStream e : featureStreams) {
                e.writeState(out);
            }
        }

        /** Continues from state written by {@link #writeState} of a stream of the same plan. */
        public void readState(StateReader in) {
            bars = in.getInt();
            in.getDoubles(values);
            for (StreamingIndicator i : running) {
                i.readState(in);
            }
            for (ExpressionStream e : featureStreams) {
                e.readState(in);
            }
        }

        public void reset() {
            for (StreamingIndicator i : running) {
                i.reset();
            }
            for (ExpressionStream e : featureStreams) {
                e.reset();
            }
            Arrays.fill(values, Double.NaN);
            bars = 0;
        }
    }
}
