package com.sigmatiq.engine.signal;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.expr.CompiledExpression;
import com.sigmatiq.engine.expr.ExpressionCompiler;
import com.sigmatiq.engine.expr.ExpressionStream;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.StrategyDef;
import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;
import com.sigmatiq.engine.strategy.AllowedHours;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One strategy of a pack under one configuration, compiled: evaluates entry score, allowed hours and
 * exit signal on every bar, over a whole series ({@link #run}) or one bar at a time ({@link #stream}).
 * Both give identical values bar for bar, bit for bit. Thread-safe; the stream is not.
 */
public final class SignalEngine {

    private final StrategyConfig config;
    private final ColumnPlan plan;
    private final CompiledExpression[] entry;
    private final double[] weights;
    private final double weightSum;
    private final CompiledExpression[] exit;
    private final int readyFrom;

    private SignalEngine(StrategyConfig config, ColumnPlan plan, CompiledExpression[] entry, double[] weights,
                         CompiledExpression[] exit, int readyFrom) {
        this.config = config;
        this.plan = plan;
        this.entry = entry;
        this.weights = weights;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        this.weightSum = sum;
        this.exit = exit;
        this.readyFrom = readyFrom;
    }

    public static SignalEngine compile(StrategyConfig config) {
        return compile(config, List.of());
    }

    /**
     * The strategy of {@code config}, whose plan also computes {@code extraNames} (a trained model's features, say)
     * without their warm-up holding entries back.
     */
    public static SignalEngine compile(StrategyConfig config, Collection<String> extraNames) {
        Pack pack = config.pack();
        StrategyDef strategy = pack.strategy(config.strategyId()).orElseThrow();
        var symbols = pack.symbols();
        List<CompiledExpression> entry = new ArrayList<>();
        List<CompiledExpression> exit = new ArrayList<>();
        double[] weights = new double[strategy.entryLogic().size()];
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < weights.length; i++) {
            StrategyDef.RuleLine line = strategy.entryLogic().get(i);
            CompiledExpression c = ExpressionCompiler.compile(line.expression(), symbols);
            entry.add(c);
            weights[i] = line.weight();
            for (int s : c.referencedSlots()) {
                names.add(symbols.name(s));
            }
        }
        for (StrategyDef.RuleLine line : strategy.exitLogic()) {
            CompiledExpression c = ExpressionCompiler.compile(line.expression(), symbols);
            exit.add(c);
            for (int s : c.referencedSlots()) {
                names.add(symbols.name(s));
            }
        }
        Set<String> computed = new LinkedHashSet<>(names);
        computed.addAll(extraNames);
        ColumnPlan plan = ColumnPlan.of(pack, config.indicatorParams(), computed);
        int ready = 0;
        for (String n : names) {
            ready = Math.max(ready, plan.warmup(symbols.slot(n)));
        }
        return new SignalEngine(config, plan, entry.toArray(CompiledExpression[]::new), weights,
                exit.toArray(CompiledExpression[]::new), ready);
    }

    public StrategyConfig config() {
        return config;
    }

    public ColumnPlan plan() {
        return plan;
    }

    /** First bar index at which every name the strategy uses is past its warm-up. */
    public int readyFrom() {
        return readyFrom;
    }

    /** Signals on every bar of {@code bars}. */
    public Signals run(BarSeries bars) {
        return run(bars, plan.compute(bars), SessionClock.of(bars));
    }

    /** Signals from columns already computed by {@link #plan()} (sweeps share them between configurations). */
    public Signals run(BarSeries bars, double[][] columns, SessionClock clock) {
        int n = bars.size();
        double[] score = new double[n];
        double[] tmp = new double[n];
        for (int i = 0; i < entry.length; i++) {
            entry[i].evaluate(columns, n, tmp);
            double w = weights[i];
            for (int t = 0; t < n; t++) {
                if (tmp[t] != 0) {
                    score[t] += w;
                }
            }
        }
        for (int t = 0; t < n; t++) {
            score[t] /= weightSum;
        }
        boolean[] exitSignal = new boolean[n];
        for (CompiledExpression e : exit) {
            e.evaluate(columns, n, tmp);
            for (int t = 0; t < n; t++) {
                exitSignal[t] |= tmp[t] != 0;
            }
        }
        boolean[] ready = new boolean[n];
        for (int t = readyFrom; t < n; t++) {
            ready[t] = true;
        }
        boolean[] hours = new boolean[n];
        AllowedHours allowed = config.allowedHours();
        boolean daily = bars.timeframe().isDaily();
        for (int t = 0; t < n; t++) {
            hours[t] = daily || (clock.regular(t) && allowed.allows(clock.hour(t)));
        }
        return new Signals(score, ready, hours, exitSignal);
    }

    /** A fresh streaming evaluator for bars of an instrument trading in {@code zone} (hours only: 1m or 1d bars). */
    public Stream stream(ZoneId zone, boolean daily) {
        return new Stream(zone, daily ? Timeframe.D1 : Timeframe.M1, false);
    }

    /**
     * A fresh streaming evaluator for {@code timeframe} bars in {@code zone}, whose {@link Stream#clock()} knows the
     * bars that close a session: at the regular close, or with {@code extendedHours} at the end of late trading (as
     * {@link SessionClock#of(BarSeries, boolean)}).
     */
    public Stream stream(ZoneId zone, Timeframe timeframe, boolean extendedHours) {
        return new Stream(zone, timeframe, extendedHours);
    }

    /**
     * One bar at a time, with the same values bar for bar as {@link #run}; {@link #update} allocates nothing (its
     * clock, only when the session or the zone's offset changes). Also the {@link BarFeatures} of the last bar.
     */
    public final class Stream implements BarFeatures {
        private final ColumnPlan.Stream columns = plan.stream();
        private final ExpressionStream[] entryStreams = new ExpressionStream[entry.length];
        private final ExpressionStream[] exitStreams = new ExpressionStream[exit.length];
        private final SessionClock.Cursor clock;
        private final boolean daily;
        private final AllowedHours allowedHours = config.allowedHours();
        private long time = Long.MIN_VALUE;
        private double score;
        private boolean exitSignal;
        private boolean ready;
        private boolean hourAllowed;

        private Stream(ZoneId zone, Timeframe timeframe, boolean extendedHours) {
            this.clock = SessionClock.cursor(zone, timeframe, extendedHours);
            this.daily = timeframe.isDaily();
            for (int i = 0; i < entry.length; i++) {
                entryStreams[i] = entry[i].stream();
            }
            for (int i = 0; i < exit.length; i++) {
                exitStreams[i] = exit[i].stream();
            }
        }

        /** Takes one closed bar starting at {@code startMillis} (epoch ms UTC, later than the previous bar's). */
        public void update(long startMillis, double open, double high, double low, double close, double volume) {
            clock.advance(startMillis);
            time = startMillis;
            columns.update(open, high, low, close, volume);
            double[] v = columns.values();
            double s = 0;
            for (int i = 0; i < entryStreams.length; i++) {
                if (entryStreams[i].update(v) != 0) {
                    s += weights[i];
                }
            }
            score = s / weightSum;
            boolean x = false;
            for (ExpressionStream e : exitStreams) {
                x |= e.update(v) != 0;
            }
            exitSignal = x;
            ready = columns.bars() > readyFrom;
            hourAllowed = daily || (clock.regular() && allowedHours.allows(clock.hour()));
        }

        public double score() {
            return score;
        }

        public boolean exit() {
            return exitSignal;
        }

        public boolean ready() {
            return ready;
        }

        public boolean hourAllowed() {
            return hourAllowed;
        }

        /** Everything but flatness and the threshold allows an entry at this close (as {@link Signals#eligible}). */
        public boolean eligible() {
            return ready && hourAllowed && !exitSignal;
        }

        /** This bar's value of every computed name, by slot of the pack's symbols. */
        public double[] values() {
            return columns.values();
        }

        /** Bars taken so far. */
        public int bars() {
            return columns.bars();
        }

        /** The session clock, advanced to the last bar. */
        public SessionClock.Cursor clock() {
            return clock;
        }

        @Override
        public long time() {
            return time;
        }

        @Override
        public double entryScore() {
            return score;
        }

        @Override
        public double value(int slot) {
            return columns.values()[slot];
        }

        @Override
        public int hour() {
            return clock.hour();
        }

        @Override
        public int dayOfWeek() {
            return BarFeatures.dayOfWeek(clock.sessionEpochDay());
        }

        /** Writes everything this stream remembers, its clock included, for {@link #readState}. */
        public void writeState(StateWriter out) {
            SessionClock.Cursor.State c = clock.state();
            out.putInt(c.session());
            out.putLong(c.epochDay());
            out.putLong(time);
            out.putDouble(score);
            out.putBoolean(exitSignal);
            out.putBoolean(ready);
            out.putBoolean(hourAllowed);
            columns.writeState(out);
            for (ExpressionStream e : entryStreams) {
                e.writeState(out);
            }
            for (ExpressionStream e : exitStreams) {
                e.writeState(out);
            }
        }

        /** Continues from state written by {@link #writeState} of a stream of the same strategy and configuration. */
        public void readState(StateReader in) {
            int session = in.getInt();
            long epochDay = in.getLong();
            clock.restore(new SessionClock.Cursor.State(session, epochDay));
            time = in.getLong();
            score = in.getDouble();
            exitSignal = in.getBoolean();
            ready = in.getBoolean();
            hourAllowed = in.getBoolean();
            columns.readState(in);
            for (ExpressionStream e : entryStreams) {
                e.readState(in);
            }
            for (ExpressionStream e : exitStreams) {
                e.readState(in);
            }
        }
    }
}
