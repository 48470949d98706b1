package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.signal.BarFeatures;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.Signals;
import java.util.Objects;

/**
 * What the signal layer hands a column-fed {@link StrategyEvaluator}, one entry per bar of the series.
 *
 * @param confidence    entry score or model probability at bar t's close, in [0, 1]; NaN never enters
 * @param entryEligible everything an entry needs at close t except being flat and the threshold:
 *                      warm-up done, hour allowed, no {@code exit_logic} line holds
 * @param exitSignal    an {@code exit_logic} line holds at close t
 */
public record SignalColumns(double[] confidence, boolean[] entryEligible, boolean[] exitSignal) {

    public SignalColumns {
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(entryEligible, "entryEligible");
        Objects.requireNonNull(exitSignal, "exitSignal");
        if (entryEligible.length != confidence.length || exitSignal.length != confidence.length) {
            throw new IllegalArgumentException("signal columns must have equal lengths: confidence " + confidence.length
                    + ", entryEligible " + entryEligible.length + ", exitSignal " + exitSignal.length);
        }
    }

    /** Confidence = entry score (no trained model yet). */
    public static SignalColumns of(Signals signals) {
        int n = signals.size();
        boolean[] eligible = new boolean[n];
        for (int t = 0; t < n; t++) {
            eligible[t] = signals.eligible(t);
        }
        return new SignalColumns(signals.score(), eligible, signals.exit());
    }

    /**
     * Confidence from {@code model}, asked on eligible bars only (NaN elsewhere), with the same {@link BarFeatures}
     * as the streaming evaluator gives it.
     *
     * @param columns the plan's columns by slot, as {@code SignalEngine.plan().compute(bars)} gives them
     */
    public static SignalColumns of(Signals signals, BarSeries bars, double[][] columns, SessionClock clock,
                                   ConfidenceModel model) {
        if (model == ConfidenceModel.ENTRY_SCORE) {
            return of(signals);
        }
        int n = signals.size();
        boolean[] eligible = new boolean[n];
        double[] confidence = new double[n];
        ColumnFeatures view = new ColumnFeatures(signals.score(), bars.time(), columns, clock);
        for (int t = 0; t < n; t++) {
            eligible[t] = signals.eligible(t);
            if (eligible[t]) {
                view.t = t;
                confidence[t] = model.confidence(view);
            } else {
                confidence[t] = Double.NaN;
            }
        }
        return new SignalColumns(confidence, eligible, signals.exit());
    }

    /** Number of bars covered. */
    public int size() {
        return confidence.length;
    }

    /** Bar t of columns seen as {@link BarFeatures}. */
    private static final class ColumnFeatures implements BarFeatures {
        private final double[] score;
        private final long[] time;
        private final double[][] columns;
        private final SessionClock clock;
        int t;

        ColumnFeatures(double[] score, long[] time, double[][] columns, SessionClock clock) {
            this.score = score;
            this.time = time;
            this.columns = columns;
            this.clock = clock;
        }

        @Override
        public long time() {
            return time[t];
        }

        @Override
        public double entryScore() {
            return score[t];
        }

        @Override
        public double value(int slot) {
            double[] c = columns[slot];
            return c == null ? Double.NaN : c[t];
        }

        @Override
        public int hour() {
            return clock.hour(t);
        }

        @Override
        public int dayOfWeek() {
            return BarFeatures.dayOfWeek(clock.sessionEpochDay(clock.session(t)));
        }
    }
}
