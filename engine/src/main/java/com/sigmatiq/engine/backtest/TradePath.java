package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import java.util.Arrays;

/**
 * The first half of a backtest, for sweeps: when trades enter and exit and at which fill prices, which
 * does not depend on position size, commissions or capital. Produced by the same {@link PositionState}
 * and {@link NextOpenFillModel} as {@link StrategyEvaluator}; while flat it jumps straight to the next bar whose
 * close may decide an entry ({@link EntryCandidates}) instead of visiting every bar, which is what makes
 * it fast. {@link Accounting} turns a path into cash, equity, trades and metrics for one sizing, giving
 * exactly what the evaluator gives ({@link Backtester#run}), as EvaluatorEquivalenceTest checks on random
 * configurations. The time stop acts at the calendar's session-closing bar ({@link SessionClock#isSessionLastBar}),
 * as in the evaluator.
 *
 * <p>Arrays hold {@link #count()} trades; a path is immutable once built.
 */
public final class TradePath {

    private final int count;
    private final int[] entryBar;
    private final int[] exitBar;
    private final double[] entryFill;
    private final double[] exitFill;
    private final byte[] exitCode;

    private TradePath(int count, int[] entryBar, int[] exitBar, double[] entryFill, double[] exitFill, byte[] exitCode) {
        this.count = count;
        this.entryBar = entryBar;
        this.exitBar = exitBar;
        this.entryFill = entryFill;
        this.exitFill = exitFill;
        this.exitCode = exitCode;
    }

    /**
     * Bars of {@code [from, to − 1)} whose close may decide an entry: eligible and confidence ≥ threshold,
     * ascending. Shared by every path of the same signals and threshold.
     */
    public static final class EntryCandidates {
        final int[] bars;
        final int count;

        private EntryCandidates(int[] bars, int count) {
            this.bars = bars;
            this.count = count;
        }

        public static EntryCandidates of(SignalColumns signals, double threshold, int from, int to) {
            boolean[] eligible = signals.entryEligible();
            double[] confidence = signals.confidence();
            int[] bars = new int[64];
            int n = 0;
            for (int t = from; t < to - 1; t++) {
                if (eligible[t] && confidence[t] >= threshold) {
                    if (n == bars.length) {
                        bars = Arrays.copyOf(bars, n * 2);
                    }
                    bars[n++] = t;
                }
            }
            return new EntryCandidates(bars, n);
        }

        public int count() {
            return count;
        }
    }

    /**
     * Simulates the path over bars {@code [from, to)}.
     *
     * @param position a reusable position configured with this path's stop, target, trailing and time stop
     * @param bps      slippage in basis points
     */
    public static TradePath simulate(BarSeries bars, SessionClock clock, boolean[] exitSignal, EntryCandidates entries,
                                     int from, int to, PositionState position, double bps) {
        final double[] open = bars.open();
        final double[] high = bars.high();
        final double[] low = bars.low();
        final double[] close = bars.close();
        final int[] session = clock.sessions();
        final int[] cand = entries.bars;
        final int candCount = entries.count;
        int cap = 16;
        int[] inBar = new int[cap];
        int[] outBar = new int[cap];
        double[] inFill = new double[cap];
        double[] outFill = new double[cap];
        byte[] code = new byte[cap];
        int n = 0;
        int ci = 0;
        int t = from;
        position.reset();
        while (true) {
            while (ci < candCount && cand[ci] < t) {
                ci++;
            }
            if (ci == candCount) {
                break;
            }
            int decision = cand[ci];
            t = decision + 1; // the entry fills at the next bar's open
            double fill = NextOpenFillModel.buyPrice(open[t], bps);
            position.enter(t, session[t], fill, 1.0, 0.0, 0.0);
            int exit;
            while (true) {
                boolean lastBar = t == to - 1;
                exit = position.onBar(t, open[t], high[t], low[t], close[t], session[t], clock.isSessionLastBar(t),
                        exitSignal[t], lastBar);
                if (exit != PositionState.NO_EXIT) {
                    break;
                }
                t++;
            }
            if (n == cap) {
                cap *= 2;
                inBar = Arrays.copyOf(inBar, cap);
                outBar = Arrays.copyOf(outBar, cap);
                inFill = Arrays.copyOf(inFill, cap);
                outFill = Arrays.copyOf(outFill, cap);
                code = Arrays.copyOf(code, cap);
            }
            inBar[n] = position.entryBar();
            outBar[n] = t;
            inFill[n] = fill;
            outFill[n] = NextOpenFillModel.sellPrice(position.exitPrice(), bps);
            code[n] = (byte) exit;
            n++;
            // flat after bar t: its close may decide the next entry
        }
        return new TradePath(n, inBar, outBar, inFill, outFill, code);
    }

    public int count() {
        return count;
    }

    public int entryBar(int i) {
        return entryBar[i];
    }

    public int exitBar(int i) {
        return exitBar[i];
    }

    /** Buy fill price, slippage included. */
    public double entryFill(int i) {
        return entryFill[i];
    }

    /** Sell fill price, slippage included. */
    public double exitFill(int i) {
        return exitFill[i];
    }

    public ExitReason exitReason(int i) {
        return ExitReason.ofCode(exitCode[i]);
    }
}
