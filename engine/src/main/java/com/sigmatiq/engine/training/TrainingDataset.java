package com.sigmatiq.engine.training;

import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.expr.SymbolTable;
import com.sigmatiq.engine.run.StrategyBacktest;
import com.sigmatiq.engine.signal.ColumnPlan;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.signal.Signals;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A meta-labelling dataset (DESIGN §6) for one configuration over one range of bars, as columns: one entry per
 * sample in decision-time order, and the feature matrix row-major ({@code size() × featureCount()} floats, the
 * layout XGBoost's {@code DMatrix(float[], nrow, ncol, missing = NaN)} takes).
 *
 * <p><b>Samples</b> are the decision bars t of the range {@code [from, to)} that are past the strategy's warm-up,
 * inside the allowed hours (regular session; on daily bars hours do not apply), whose entry score is at least the
 * candidate floor and at whose close no {@code exit_logic} line holds, whether or not an earlier sample's trade is
 * still open. The configuration's {@code threshold} plays no part.
 *
 * <p><b>Labels.</b> Each sample's trade enters at bar t + 1's open and exits by the configuration's stop, target,
 * trailing stop, time stop and exit rules, stepped by the backtest's {@link PositionState} and
 * {@code NextOpenFillModel} with its slippage and commissions. It may run past {@code to} on the bars the data has;
 * a trade still open at the data's last bar (or a decision at the last bar) is <em>unresolved</em>: counted, not a
 * sample. Label 1 when the net return (after both fills' slippage and both orders' commissions) is &gt; 0, else 0.
 * A sample's event span is [decision bar, exit bar].
 *
 * <p><b>Size of a labelled trade</b>, which only matters through {@code commission_per_order}: the amount the
 * backtest would invest from {@code initial_capital} on its first trade, {@link #labelFraction} × initial capital
 * — {@code position_size_pct} when set, else {@code max_position_pct} (the size Kelly sizing uses until ten
 * trades have closed). Every sample gets the same size, so its return does not depend on the samples before it;
 * a backtest trade with that same entry (for instance the first one) has the identical return, bit for bit.
 *
 * <p><b>Features</b> follow the {@link FeatureSchema}: pack values at the decision bar's close as floats (NaN
 * stays NaN, XGBoost's missing value; booleans are 1 and 0), then entry score, hour and day of week.
 *
 * <p><b>Split</b>, by decision time: the newest ⌈test_size × n⌉ samples are {@link Split#VALIDATION} (the product
 * is taken in decimal: 0.07 × 100 is 7, where doubles give 7.000000000000001); earlier samples whose exit bar is at
 * or after the first validation sample's decision bar are {@link Split#PURGED}; the rest {@link Split#TRAIN}.
 *
 * <p>Times are bar starts in epoch ms UTC, as everywhere in the engine. Immutable; the arrays returned are the
 * dataset's own and must not be modified.
 */
public final class TrainingDataset {

    private final FeatureSchema schema;
    private final int from;
    private final int to;
    private final DatasetOptions options;
    private final double labelFraction;
    private final int size;
    private final int[] decisionBar;
    private final long[] decisionTime;
    private final int[] entryBar;
    private final long[] entryTime;
    private final int[] exitBar;
    private final long[] exitTime;
    private final double[] entryPrice;
    private final double[] exitPrice;
    private final byte[] exitReason;
    private final double[] netReturn;
    private final int[] labels;
    private final byte[] split;
    private final float[] features;
    private final int[] unresolvedBars;
    private final int[] splitCounts;
    private final int positives;

    private TrainingDataset(FeatureSchema schema, int from, int to, DatasetOptions options, double labelFraction,
                            int size, int[] decisionBar, long[] decisionTime, int[] entryBar, long[] entryTime,
                            int[] exitBar, long[] exitTime, double[] entryPrice, double[] exitPrice, byte[] exitReason,
                            double[] netReturn, int[] labels, byte[] split, float[] features, int[] unresolvedBars) {
        this.schema = schema;
        this.from = from;
        this.to = to;
        this.options = options;
        this.labelFraction = labelFraction;
        this.size = size;
        this.decisionBar = decisionBar;
        this.decisionTime = decisionTime;
        this.entryBar = entryBar;
        this.entryTime = entryTime;
        this.exitBar = exitBar;
        this.exitTime = exitTime;
        this.entryPrice = entryPrice;
        this.exitPrice = exitPrice;
        this.exitReason = exitReason;
        this.netReturn = netReturn;
        this.labels = labels;
        this.split = split;
        this.features = features;
        this.unresolvedBars = unresolvedBars;
        this.splitCounts = new int[Split.values().length];
        int pos = 0;
        for (int i = 0; i < size; i++) {
            splitCounts[split[i]]++;
            pos += labels[i];
        }
        this.positives = pos;
    }

    /**
     * The dataset of {@code config} over the sessions dated {@code start..end} (inclusive; null = open end); earlier
     * bars only warm indicators up.
     *
     * @throws IllegalArgumentException when no bar falls in the range, or for a selection the pack does not have
     */
    public static TrainingDataset build(StrategyConfig config, BarSeries bars, LocalDate start, LocalDate end,
                                        DatasetOptions options) {
        int[] range = StrategyBacktest.range(bars, SessionClock.of(bars), start, end);
        return build(config, bars, range[0], range[1], options);
    }

    /**
     * The dataset of {@code config} with decisions at the closes of bars {@code [from, to)}; bars before
     * {@code from} only warm indicators up, bars from {@code to} on only carry trades to their exits.
     *
     * @throws IllegalArgumentException when the range is empty or outside the bars, or for a selection the pack
     *                                  does not have
     */
    public static TrainingDataset build(StrategyConfig config, BarSeries bars, int from, int to, DatasetOptions options) {
        final int n = bars.size();
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") must be non-empty inside [0, " + n + ")");
        }
        FeatureSchema schema = FeatureSchema.of(config, options.selectedIndicators(), options.selectedFeatures());

        // one column plan for the strategy's names and the schema's, so each indicator runs once
        SignalEngine engine = SignalEngine.compile(config);
        ColumnPlan strategyPlan = engine.plan();
        SymbolTable symbols = strategyPlan.symbols();
        List<String> names = new ArrayList<>(schema.packColumns());
        for (int s = 0; s < symbols.size(); s++) {
            if (strategyPlan.computes(s)) {
                names.add(symbols.name(s));
            }
        }
        ColumnPlan plan = ColumnPlan.of(config.pack(), config.indicatorParams(), names);
        double[][] columns = plan.compute(bars);
        SessionClock clock = SessionClock.of(bars);
        Signals signals = engine.run(bars, columns, clock);

        // candidates
        final double floor = options.candidateFloor();
        final double[] score = signals.score();
        int[] candidates = new int[to - from];
        int count = 0;
        for (int t = from; t < to; t++) {
            if (signals.eligible(t) && score[t] >= floor) {
                candidates[count++] = t;
            }
        }

        // labels
        double fraction = labelFraction(config);
        TradeLabeler labeler = new TradeLabeler(bars, clock, signals.exit(),
                new PositionState(config.stopLoss(), config.takeProfit(), config.trailingStop(), config.timeStopDays()),
                config.slippageBps(), config.commissionPerOrder(), config.commissionPerShare(),
                fraction * config.initialCapital(), fraction);
        int[] decision = new int[count];
        int[] entry = new int[count];
        int[] exit = new int[count];
        double[] entryFill = new double[count];
        double[] exitFill = new double[count];
        byte[] reason = new byte[count];
        double[] ret = new double[count];
        int[] label = new int[count];
        int[] unresolved = new int[count];
        int m = 0;
        int u = 0;
        for (int c = 0; c < count; c++) {
            int t = candidates[c];
            if (!labeler.run(t)) {
                unresolved[u++] = t;
                continue;
            }
            decision[m] = t;
            entry[m] = labeler.entryBar;
            exit[m] = labeler.exitBar;
            entryFill[m] = labeler.entryFill;
            exitFill[m] = labeler.exitFill;
            reason[m] = (byte) labeler.exitCode;
            ret[m] = labeler.netReturn;
            label[m] = labeler.netReturn > 0 ? 1 : 0;
            m++;
        }

        // features, row-major
        final long[] time = bars.time();
        final int width = schema.size();
        final int packWidth = schema.packColumns().size();
        final double[][] source = new double[packWidth][];
        for (int j = 0; j < packWidth; j++) {
            source[j] = columns[symbols.slot(schema.packColumns().get(j))];
        }
        float[] matrix = new float[Math.multiplyExact(m, width)];
        long[] decisionTime = new long[m];
        long[] entryTime = new long[m];
        long[] exitTime = new long[m];
        for (int i = 0; i < m; i++) {
            int t = decision[i];
            int base = i * width;
            for (int j = 0; j < packWidth; j++) {
                matrix[base + j] = (float) source[j][t];
            }
            matrix[base + packWidth] = (float) score[t];
            matrix[base + packWidth + 1] = clock.hour(t);
            matrix[base + packWidth + 2] = dayOfWeek(clock.sessionEpochDay(clock.session(t)));
            decisionTime[i] = time[t];
            entryTime[i] = time[entry[i]];
            exitTime[i] = time[exit[i]];
        }

        byte[] split = split(decision, exit, m, options.testSize());
        return new TrainingDataset(schema, from, to, options, fraction, m, Arrays.copyOf(decision, m), decisionTime,
                Arrays.copyOf(entry, m), entryTime, Arrays.copyOf(exit, m), exitTime, Arrays.copyOf(entryFill, m),
                Arrays.copyOf(exitFill, m), Arrays.copyOf(reason, m), Arrays.copyOf(ret, m), Arrays.copyOf(label, m),
                split, matrix, Arrays.copyOf(unresolved, u));
    }

    /**
     * Fraction of {@code initial_capital} a labelled trade invests: {@code position_size_pct} when set, else
     * {@code max_position_pct}, as a fraction (0.02 = 2%).
     */
    public static double labelFraction(StrategyConfig config) {
        return (config.positionSizePct() != null ? config.positionSizePct() : config.maxPositionPct()) / 100;
    }

    /** Number of validation samples among {@code n}: ⌈testSize × n⌉, the product taken in decimal. */
    static int validationCount(int n, double testSize) {
        return BigDecimal.valueOf(testSize).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    private static byte[] split(int[] decision, int[] exit, int n, double testSize) {
        byte[] split = new byte[n];
        int validation = validationCount(n, testSize);
        int first = n - validation;
        if (validation == 0) {
            return split; // all TRAIN
        }
        int boundary = decision[first];
        for (int i = 0; i < first; i++) {
            split[i] = exit[i] >= boundary ? Split.PURGED.code() : Split.TRAIN.code();
        }
        for (int i = first; i < n; i++) {
            split[i] = Split.VALIDATION.code();
        }
        return split;
    }

    /** ISO day of week (1 = Monday … 7 = Sunday) of an epoch day (1970-01-01 was a Thursday). */
    static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L) + 1;
    }

    public FeatureSchema schema() {
        return schema;
    }

    /** The schema's column names, in order (a copy). */
    public String[] featureNames() {
        return schema.names().toArray(String[]::new);
    }

    /** Number of samples (resolved candidates). */
    public int size() {
        return size;
    }

    /** Number of feature columns. */
    public int featureCount() {
        return schema.size();
    }

    /** First bar of the decision range. */
    public int from() {
        return from;
    }

    /** End (exclusive) of the decision range. */
    public int to() {
        return to;
    }

    public DatasetOptions options() {
        return options;
    }

    /** Fraction of initial capital each labelled trade invests ({@link #labelFraction(StrategyConfig)}). */
    public double labelFraction() {
        return labelFraction;
    }

    /** Candidates whose trade had not exited by the data's last bar (not samples). */
    public int unresolvedCount() {
        return unresolvedBars.length;
    }

    /** Decision bars of the unresolved candidates, ascending. */
    public int[] unresolvedBars() {
        return unresolvedBars;
    }

    /** Bar whose close decided each sample's entry (its event span starts here), ascending. */
    public int[] decisionBar() {
        return decisionBar;
    }

    public long[] decisionTime() {
        return decisionTime;
    }

    /** Bar whose open filled the entry: decision bar + 1. */
    public int[] entryBar() {
        return entryBar;
    }

    public long[] entryTime() {
        return entryTime;
    }

    /** Bar on which the exit filled (the event span ends here). */
    public int[] exitBar() {
        return exitBar;
    }

    public long[] exitTime() {
        return exitTime;
    }

    /** Buy fill price, slippage included. */
    public double[] entryPrice() {
        return entryPrice;
    }

    /** Sell fill price, slippage included. */
    public double[] exitPrice() {
        return exitPrice;
    }

    /** {@link ExitReason#code()} per sample. */
    public byte[] exitReasonCode() {
        return exitReason;
    }

    public ExitReason exitReason(int sample) {
        return ExitReason.ofCode(exitReason[sample]);
    }

    /** Net return of each sample's trade, fraction (0.0189 = +1.89%). */
    public double[] netReturn() {
        return netReturn;
    }

    /** 1 when the net return is &gt; 0, else 0. */
    public int[] labels() {
        return labels;
    }

    /** {@link Split#code()} per sample. */
    public byte[] split() {
        return split;
    }

    public Split split(int sample) {
        return Split.ofCode(split[sample]);
    }

    /** The feature matrix, row-major: sample i's feature j at {@code i × featureCount() + j}. */
    public float[] features() {
        return features;
    }

    /** Feature {@code column} of sample {@code sample}. */
    public float feature(int sample, int column) {
        return features[sample * schema.size() + column];
    }

    /** Samples in {@code s}. */
    public int count(Split s) {
        return splitCounts[s.code()];
    }

    /** Samples labelled 1. */
    public int positives() {
        return positives;
    }

    /** Indices of the samples in {@code s}, ascending. */
    public int[] rows(Split s) {
        int[] out = new int[count(s)];
        int k = 0;
        byte code = s.code();
        for (int i = 0; i < size; i++) {
            if (split[i] == code) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** The feature rows of {@code rows}, row-major, in the given order. */
    public float[] features(int[] rows) {
        int width = schema.size();
        float[] out = new float[Math.multiplyExact(rows.length, width)];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(features, rows[k] * width, out, k * width, width);
        }
        return out;
    }

    /** The labels of {@code rows} as floats (XGBoost's label column), in the given order. */
    public float[] labels(int[] rows) {
        float[] out = new float[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = labels[rows[k]];
        }
        return out;
    }
}
