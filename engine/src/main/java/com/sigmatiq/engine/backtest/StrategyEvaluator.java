package com.sigmatiq.engine.backtest;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.state.StateReader;
import com.sigmatiq.engine.state.StateWriter;
import com.sigmatiq.engine.strategy.StrategyConfig;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * One strategy under one configuration, as every driver runs it: one closed bar in, one {@link Decision} out. It owns
 * DESIGN §4's order of events, the position ({@link PositionState}), the fills ({@link NextOpenFillModel}), sizing
 * ({@link PositionSizer}; fractional or whole shares, {@link ExecutionParams#wholeShares()}), cash and equity, and
 * asks a {@link ConfidenceModel} for the confidence of an entry. Pure: no clock, no I/O; the bars are the only input.
 *
 * <p>Two ways to feed it, one decision code path:
 * <ul>
 *   <li><b>Streaming</b> ({@link #streaming}): the evaluator computes indicators, features and rules itself, bar by
 *       bar ({@link SignalEngine.Stream}), with a {@link SessionClock.Cursor} for sessions and hours. {@link #warmUp}
 *       feeds history (indicators run, nothing is decided), {@link #onBar} decides, {@link #onLastBar} decides on the
 *       last bar of a finite run (a position still open closes at its close, {@code end_of_data}). Alerts, paper and
 *       live trading, and the trainer drive it so. Bar for bar its values and decisions are those of a batch run
 *       over the same bars, bit for bit.</li>
 *   <li><b>Column-fed</b> ({@link #columnFed}): the signals were computed column by column ({@link SignalColumns});
 *       {@link #onBar(int, BarSeries, SessionClock, SignalColumns, boolean)} takes bar t of them. {@link Backtester}
 *       is a loop over this.</li>
 * </ul>
 *
 * <p>{@link #saveState()} writes everything it remembers (indicator and rule streams, session cursor, position,
 * sizer statistics, cash, the pending entry) into a compact byte array; {@link #restoreState} on an evaluator built
 * with the same configuration continues exactly where that one stopped.
 *
 * <p>Not thread-safe; one per model and series. Nothing is allocated per bar but the {@link Trade} of a closed trade.
 */
public final class StrategyEvaluator {

    private static final int STATE_VERSION = 1;

    private final ExecutionParams p;
    private SignalEngine.Stream signals;
    // false: the caller advances the signals (shared by several evaluators of one strategy), this evaluator follows
    private boolean ownsSignals = true;
    private final ConfidenceModel model;
    private final long fingerprint;
    private String signalIdentity;
    private final PositionState position;
    private final PositionSizer sizer;
    private final Decision decision = new Decision();
    private final double bps;
    private final double perOrder;
    private final double perShare;
    private final double threshold;
    private final boolean wholeShares;

    // what it remembers between bars
    private int bars;
    private long lastTime = Long.MIN_VALUE;
    private boolean deciding;
    private double cash;
    private boolean entryPending;
    private double pendingAmount;
    private double pendingShares;
    private double pendingFraction;
    private long entryTime;
    private long entryEpochDay;
    private int exposure;
    private int lastExposedSession = -1;

    private StrategyEvaluator(ExecutionParams p, SignalEngine.Stream signals, ConfidenceModel model, long fingerprint) {
        this.p = Objects.requireNonNull(p, "execution params");
        this.signals = signals;
        this.model = model;
        this.fingerprint = fingerprint;
        this.position = PositionState.of(p);
        this.sizer = new PositionSizer(p.sizing());
        this.bps = p.slippageBps();
        this.perOrder = p.commissionPerOrder();
        this.perShare = p.commissionPerShare();
        this.threshold = p.threshold();
        this.wholeShares = p.wholeShares();
        this.cash = p.initialCapital();
    }

    /**
     * A streaming evaluator.
     *
     * @param engine        the compiled strategy (its plan also computes what {@code model} reads)
     * @param model         the confidence of an entry; {@link ConfidenceModel#ENTRY_SCORE} before a model is trained
     * @param zone          the exchange's zone
     * @param timeframe     the bar size
     * @param extendedHours whether the series holds extended-hours bars, so that sessions close at the end of late
     *                      trading (as {@link SessionClock#of(BarSeries, boolean)}; a backtest's {@code SessionClock.of}
     *                      tells from the data, a service from what it subscribed to)
     */
    public static StrategyEvaluator streaming(SignalEngine engine, ExecutionParams p, ConfidenceModel model, ZoneId zone,
                                              Timeframe timeframe, boolean extendedHours) {
        Objects.requireNonNull(model, "confidence model");
        SignalEngine.Stream stream = engine.stream(zone, timeframe, extendedHours);
        long fingerprint = fingerprint(describe(engine.config()) + "|" + p + "|" + zone.getId() + "|" + timeframe
                + "|" + extendedHours);
        StrategyEvaluator e = new StrategyEvaluator(p, stream, model, fingerprint);
        e.signalIdentity = describe(engine.config()) + "|" + engine.plan().computedNames() + "|" + zone.getId() + "|"
                + timeframe + "|" + extendedHours;
        return e;
    }

    /** A streaming evaluator of {@code config} as it stands: its execution settings, confidence = entry score. */
    public static StrategyEvaluator streaming(StrategyConfig config, ZoneId zone, Timeframe timeframe, boolean extendedHours) {
        return streaming(SignalEngine.compile(config), ExecutionParams.of(config), ConfidenceModel.ENTRY_SCORE, zone,
                timeframe, extendedHours);
    }

    /** An evaluator fed signal columns computed in batch (their confidence already the model's). */
    public static StrategyEvaluator columnFed(ExecutionParams p) {
        return new StrategyEvaluator(p, null, null, fingerprint("columns|" + p));
    }

    // ------------------------------------------------------------------ streaming

    /**
     * Feeds a bar of history: indicators, features and rules run; nothing is decided. Only before the first
     * {@link #onBar}.
     *
     * @return the decision, {@link Decision#warmUp()} with the bar's entry score
     */
    public Decision warmUp(long time, double open, double high, double low, double close, double volume) {
        if (deciding) {
            throw new IllegalStateException("warm-up bar after decisions began (bar " + bars + ")");
        }
        advanceSignals(time, open, high, low, close, volume);
        SessionClock.Cursor clock = signals.clock();
        int t = bars++;
        decision.begin(t, time, clock.session(), clock.sessionEpochDay(), true, signals.score());
        decision.end(false, cash, cash);
        return decision;
    }

    /** Takes the next closed bar and decides at its close (a live feed: there is always a next bar). */
    public Decision onBar(long time, double open, double high, double low, double close, double volume) {
        return decide(time, open, high, low, close, volume, false);
    }

    /**
     * Takes the last bar of a finite run (a backtest's range): the time stop is checked, then a position still open
     * closes at this close ({@code end_of_data}); no entry is decided.
     */
    public Decision onLastBar(long time, double open, double high, double low, double close, double volume) {
        return decide(time, open, high, low, close, volume, true);
    }

    private Decision decide(long time, double open, double high, double low, double close, double volume, boolean lastBar) {
        advanceSignals(time, open, high, low, close, volume);
        deciding = true;
        SessionClock.Cursor clock = signals.clock();
        int t = bars++;
        return step(t, time, open, high, low, close, clock.session(), clock.sessionEpochDay(), clock.closesSession(),
                signals.score(), signals.eligible(), signals.exit(), lastBar, Double.NaN);
    }

    private void advanceSignals(long time, double open, double high, double low, double close, double volume) {
        if (signals == null) {
            throw new IllegalStateException("a column-fed evaluator takes signal columns, not bars");
        }
        if (time <= lastTime) {
            throw new IllegalArgumentException("bar at " + time + " ms does not follow the last bar at " + lastTime + " ms");
        }
        if (ownsSignals) {
            signals.update(time, open, high, low, close, volume);
        } else if (signals.time() != time) {
            throw new IllegalStateException("the shared signals are at " + signals.time() + " ms, not at this bar (" + time
                    + " ms): advance them first");
        }
        lastTime = time;
    }

    // ------------------------------------------------------------------ shared signals

    /**
     * What decides whether two streaming evaluators compute the same signals from the same bars: pack and version,
     * strategy, indicator parameters, allowed hours, the extra names computed, zone, bar size and hours. Evaluators
     * with equal identities and equal {@link #signalState()} may share one stream ({@link #followSignals}).
     */
    public String signalIdentity() {
        requireStreaming();
        return signalIdentity;
    }

    /** The signal stream's state (part of {@link #saveState()}): equal bytes, equal signals from here on. */
    public byte[] signalState() {
        requireStreaming();
        StateWriter out = new StateWriter();
        signals.writeState(out);
        return out.toByteArray();
    }

    /**
     * From now on this evaluator reads {@code shared}, which its caller advances to each bar before giving it
     * ({@link #onBar} then checks that the signals are at that bar). Several evaluators of one strategy and
     * configuration of signals thus compute indicators, features and rules once per bar. Pass this evaluator's own
     * {@link #signals()} to have the caller advance them.
     *
     * @throws IllegalArgumentException when {@code shared} is not in this evaluator's signal state (another strategy,
     *                                  or another point in the bars)
     */
    public void followSignals(SignalEngine.Stream shared) {
        requireStreaming();
        if (shared != signals) {
            StateWriter theirs = new StateWriter();
            shared.writeState(theirs);
            if (!java.util.Arrays.equals(theirs.toByteArray(), signalState())) {
                throw new IllegalArgumentException("the shared signals are not in this evaluator's state");
            }
            signals = shared;
        }
        ownsSignals = false;
    }

    private void requireStreaming() {
        if (signals == null) {
            throw new IllegalStateException("a column-fed evaluator has no signal stream");
        }
    }

    // ------------------------------------------------------------------ column-fed

    /**
     * Takes bar {@code t} of a series whose signals were computed in batch. Bars are taken in order; bars before the
     * first one given are history, already in the columns.
     *
     * @param lastBar bar t is the last of the run: a position still open closes at its close, no entry is decided
     */
    public Decision onBar(int t, BarSeries bars, SessionClock clock, SignalColumns columns, boolean lastBar) {
        if (signals != null) {
            throw new IllegalStateException("a streaming evaluator computes its own signals");
        }
        deciding = true;
        int session = clock.session(t);
        return step(t, bars.time()[t], bars.open()[t], bars.high()[t], bars.low()[t], bars.close()[t], session,
                clock.sessionEpochDay(session), clock.isSessionLastBar(t), Double.NaN, columns.entryEligible()[t],
                columns.exitSignal()[t], lastBar, columns.confidence()[t]);
    }

    // ------------------------------------------------------------------ DESIGN §4, one bar

    /**
     * The order of events of DESIGN §4 on bar t: the entry decided at t − 1's close fills at t's open; the position
     * steps through t (rule exit at the open, gaps, levels, trailing stop, time stop, end of data); equity at t's close;
     * then, flat at t's close and the entry allowed, the confidence against the threshold decides an entry for t + 1.
     */
    private Decision step(int t, long time, double open, double high, double low, double close, int session,
                          long epochDay, boolean closesSession, double score, boolean eligible, boolean exitSignal,
                          boolean lastBar, double columnConfidence) {
        Decision d = decision;
        d.begin(t, time, session, epochDay, false, score);
        if (entryPending) {
            double fill = NextOpenFillModel.buyPrice(open, bps);
            double shares = wholeShares ? pendingShares : NextOpenFillModel.shares(pendingAmount, fill);
            double commission = NextOpenFillModel.commission(shares, perOrder, perShare);
            cash -= shares * fill + commission;
            position.enter(t, session, fill, shares, commission, pendingFraction);
            entryTime = time;
            entryEpochDay = epochDay;
            entryPending = false;
            d.entryFilled(fill, shares, commission);
        }
        if (position.isOpen()) {
            int code = position.onBar(t, open, high, low, close, session, closesSession, exitSignal, lastBar);
            if (code != PositionState.NO_EXIT) {
                closeTrade(d, code, t, time, session, epochDay);
            } else if (position.exitPending()) {
                d.exitDecided(position.shares());
            }
        }
        double equity = position.isOpen() ? cash + position.shares() * close : cash;
        if (!lastBar && !position.isOpen() && eligible) {
            double confidence = signals == null ? columnConfidence : model.confidence(signals);
            d.confidence(confidence);
            if (confidence >= threshold) {
                decideEntry(d, equity, close);
            }
        }
        d.end(position.isOpen(), cash, equity);
        return d;
    }

    private void closeTrade(Decision d, int code, int t, long time, int session, long epochDay) {
        double shares = position.shares();
        double fill = NextOpenFillModel.sellPrice(position.exitPrice(), bps);
        double commission = NextOpenFillModel.commission(shares, perOrder, perShare);
        cash += shares * fill - commission;
        double entryValue = shares * position.entryPrice();
        double commissions = position.entryCommission() + commission;
        double pnl = shares * fill - entryValue - commissions;
        double ret = pnl / entryValue;
        int entrySession = position.entrySession();
        int days = (int) (epochDay - entryEpochDay);
        Trade trade = new Trade(position.entryBar(), t, entryTime, time, position.entryPrice(), fill, shares,
                commissions, pnl, ret, days, ExitReason.ofCode(code), position.sizeFraction());
        sizer.recordClosedTrade(ret);
        int s0 = Math.max(entrySession, lastExposedSession + 1);
        if (session >= s0) {
            exposure += session - s0 + 1;
            lastExposedSession = session;
        }
        d.exited(code, position.exitPrice(), fill, shares, trade);
    }

    private void decideEntry(Decision d, double equity, double close) {
        double fraction = sizer.fraction();
        double amount = fraction * equity;
        if (!(amount > 0 && Double.isFinite(amount))) {
            return;
        }
        double shares = Double.NaN;
        if (wholeShares) {
            shares = Math.floor(amount / close);
            if (!(shares >= 1)) {
                return;
            }
        }
        entryPending = true;
        pendingAmount = amount;
        pendingShares = shares;
        pendingFraction = fraction;
        d.entryDecided(amount, shares, fraction, close);
    }

    // ------------------------------------------------------------------ reads

    public ExecutionParams params() {
        return p;
    }

    /** The position (read only: stepping it is the evaluator's job). */
    public PositionState position() {
        return position;
    }

    /** The decision of the last bar. */
    public Decision lastDecision() {
        return decision;
    }

    /** The compiled strategy's stream of a streaming evaluator (its values by slot, its clock); null when column-fed. */
    public SignalEngine.Stream signals() {
        return signals;
    }

    /** Bars taken, warm-up included (streaming). */
    public int bars() {
        return bars;
    }

    /** Start of the last bar taken, epoch ms (streaming); {@link Long#MIN_VALUE} before the first. */
    public long lastBarTime() {
        return lastTime;
    }

    public double cash() {
        return cash;
    }

    /** An entry decided at the last close waits for the next open. */
    public boolean entryPending() {
        return entryPending;
    }

    /** Sessions in which a position was held at any instant, counted as trades close. */
    public int exposureSessions() {
        return exposure;
    }

    public int closedTrades() {
        return sizer.closedTrades();
    }

    // ------------------------------------------------------------------ saved state

    /** Everything the evaluator remembers, compactly; {@link #restoreState} continues from it. */
    public byte[] saveState() {
        StateWriter out = new StateWriter();
        out.putInt(STATE_VERSION);
        out.putLong(fingerprint);
        out.putInt(bars);
        out.putLong(lastTime);
        out.putBoolean(deciding);
        out.putDouble(cash);
        out.putBoolean(entryPending);
        out.putDouble(pendingAmount);
        out.putDouble(pendingShares);
        out.putDouble(pendingFraction);
        out.putLong(entryTime);
        out.putLong(entryEpochDay);
        out.putInt(exposure);
        out.putInt(lastExposedSession);
        position.writeState(out);
        sizer.writeState(out);
        if (signals != null) {
            signals.writeState(out);
        }
        return out.toByteArray();
    }

    /**
     * Continues from {@link #saveState()} of an evaluator with the same strategy, configuration, confidence model,
     * zone, bar size and hours; its next bar is the one after the bar the state was saved at.
     *
     * @throws IllegalStateException when the state was saved by an evaluator configured otherwise; this evaluator is
     *                               then unusable
     */
    public void restoreState(byte[] state) {
        if (!ownsSignals) {
            throw new IllegalStateException("an evaluator following shared signals cannot be restored");
        }
        StateReader in = new StateReader(state);
        int version = in.getInt();
        if (version != STATE_VERSION) {
            throw new IllegalStateException("evaluator state of version " + version + ", this engine reads " + STATE_VERSION);
        }
        long saved = in.getLong();
        if (saved != fingerprint) {
            throw new IllegalStateException("evaluator state saved under another configuration (fingerprint "
                    + Long.toHexString(saved) + ", this evaluator " + Long.toHexString(fingerprint) + ")");
        }
        bars = in.getInt();
        lastTime = in.getLong();
        deciding = in.getBoolean();
        cash = in.getDouble();
        entryPending = in.getBoolean();
        pendingAmount = in.getDouble();
        pendingShares = in.getDouble();
        pendingFraction = in.getDouble();
        entryTime = in.getLong();
        entryEpochDay = in.getLong();
        exposure = in.getInt();
        lastExposedSession = in.getInt();
        position.readState(in);
        sizer.readState(in);
        if (signals != null) {
            signals.readState(in);
        }
        in.expectEnd();
    }

    /** What identifies a configuration's signals: pack and version, strategy, indicator parameters, allowed hours. */
    private static String describe(StrategyConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.pack().id()).append('@').append(c.pack().version()).append('#').append(c.pack().contentHash())
                .append('|').append(c.strategyId()).append('|').append(c.allowedHours().mask());
        c.indicatorParams().forEach((id, v) -> sb.append('|').append(id).append(Arrays.toString(v)));
        return sb.toString();
    }

    /** FNV-1a, 64 bits, of the UTF-8 bytes. */
    private static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
