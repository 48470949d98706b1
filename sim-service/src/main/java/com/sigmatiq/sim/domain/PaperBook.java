package com.sigmatiq.sim.domain;

import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.NextOpenFillModel;
import com.sigmatiq.engine.backtest.PositionSizer;
import com.sigmatiq.engine.backtest.PositionState;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.engine.data.Timeframe;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One paper account's book: its alerts and its feed's bars in, fills, trades, cash, the position and the daily equity
 * out, by DESIGN §4's order of events with the engine's own parts — {@link PositionState} (the bracket, the pending
 * rule exit, the time stop), {@link NextOpenFillModel} (fill prices and commissions), {@link PositionSizer} (whole
 * shares on the account's equity at the deciding close) and {@link SessionClock.Cursor} (sessions) — in the same
 * arithmetic, in the same order, as the engine's {@code StrategyEvaluator}, so that on the same bars the paper trades
 * are the backtest's to the cent. The alerts take the place of the signals: a BUY decided at bar t's close is the
 * entry decision, a rule-exit SELL the exit signal at t's close.
 *
 * <p>A pure function of its inputs: the same bars and alerts give the same book, bit for bit. An alert of a bar the
 * book has already passed cannot be applied where it belongs, so the caller builds the book again from all its inputs
 * ({@link #accepts}); that is also how a restarted service continues. The period ends at the close of the bar that
 * closes its last session (a position still open closes there, {@code end_of_data}, as a backtest's last bar), or at
 * a bar given as the end when a later session's bar showed the calendar's closing bar was missing.
 *
 * <p>Not thread-safe.
 */
public final class PaperBook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * What a book is built from besides bars and alerts.
     *
     * @param sessions  trading sessions of the paper period
     * @param endBar    the bar known to end the period (its start), or null until one is
     */
    public record Spec(String ticker, Timeframe timeframe, ZoneId zone, ExecutionParams params, int sessions, Long endBar) {
    }

    /** A fill: {@code fillTime} is the filling bar's start for fills at the open or inside it, its end for fills at the close. */
    public record Fill(int seq, String fillId, String alertId, boolean buy, long barTime, long fillTime, double price,
                       double fillPrice, double quantity, double commission, String reason) {

        /** Slippage per share, against the trader, as the seed writes it (negative: the fill is worse than the price). */
        public double slippage() {
            return buy ? price - fillPrice : fillPrice - price;
        }
    }

    /** A closed round trip, with the fills that opened and closed it. Prices are fill prices. */
    public record Trade(int seq, String entryFillId, String exitFillId, String entryAlertId, String exitAlertId,
                        long entryTime, long exitTime, double entryPrice, double exitPrice, double shares,
                        double commission, double pnl, double returnFraction, int durationDays, ExitReason exitReason) {
    }

    /** Equity and cash at the last bar seen of a session. */
    public record SessionEquity(LocalDate date, double equity, double cash) {
    }

    /** What one bar did. */
    public enum Step {
        /** Taken. */
        TAKEN,
        /** Taken, and it ended the paper period. */
        ENDED,
        /** Not after the last bar taken, or the period had ended: nothing changed. */
        IGNORED,
        /** It belongs to a session after the period, which had not ended: the previous bar ended it. */
        OVERRUN
    }

    private record Signals(PaperAlert buy, PaperAlert sell) {
    }

    private final Spec spec;
    private final ExecutionParams p;
    private final SessionClock.Cursor cursor;
    private final PositionState position;
    private final PositionSizer sizer;
    private final long barMillis;
    private final Map<Long, Signals> alerts = new HashMap<>();
    private final Map<String, String> outcomes = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<SessionEquity> equityCurve = new ArrayList<>();

    private int bars;
    private long firstTime = Long.MIN_VALUE;
    private long lastTime = Long.MIN_VALUE;
    private double lastClose = Double.NaN;
    private double cash;
    private boolean entryPending;
    private double pendingShares;
    private double pendingFraction;
    private PaperAlert pendingAlert;
    private String entryAlertId;
    private String entryFillId;
    private String exitAlertId;
    private long entryTime;
    private long entryEpochDay;
    private int exposure;
    private int lastExposedSession = -1;
    private int sessionsSeen;
    private long fillDay = Long.MIN_VALUE;
    private int fillsInDay;
    private boolean complete;

    public PaperBook(Spec spec) {
        this.spec = spec;
        this.p = spec.params();
        this.cursor = SessionClock.cursor(spec.zone(), spec.timeframe(), !spec.timeframe().isDaily());
        this.position = PositionState.of(p);
        this.sizer = new PositionSizer(p.sizing());
        this.barMillis = spec.timeframe().millis();
        this.cash = p.initialCapital();
    }

    /** A book of {@code bars} (in order) and {@code alerts}. */
    public static PaperBook replay(Spec spec, List<Bar> bars, List<PaperAlert> alerts) {
        PaperBook book = new PaperBook(spec);
        alerts.forEach(book::index);
        for (Bar b : bars) {
            Step s = book.onBar(b);
            if (s == Step.ENDED || s == Step.OVERRUN) {
                break;
            }
        }
        return book;
    }

    /** Whether {@code a} can be added to this book as it stands: its bar is not yet taken and the period runs. */
    public boolean accepts(PaperAlert a) {
        return !complete && a.barTime() > lastTime;
    }

    /** Adds an alert this book {@link #accepts}. */
    public void add(PaperAlert a) {
        if (!accepts(a)) {
            throw new IllegalStateException("alert " + a.alertId() + " of a bar already taken: build the book again");
        }
        index(a);
    }

    private void index(PaperAlert a) {
        Signals s = alerts.getOrDefault(a.barTime(), new Signals(null, null));
        alerts.put(a.barTime(), a.buy() ? new Signals(a, s.sell()) : new Signals(s.buy(), a));
        if (firstTime != Long.MIN_VALUE && a.barTime() < firstTime) {
            outcomes.put(a.alertId(), "ignored: decided before the paper period");
        }
    }

    /** Takes the next closed bar (DESIGN §4 for bar t). */
    public Step onBar(Bar b) {
        if (complete || b.time() <= lastTime) {
            return Step.IGNORED;
        }
        cursor.advance(b.time());
        int session = cursor.session();
        if (session >= spec.sessions()) {
            return Step.OVERRUN;
        }
        if (firstTime == Long.MIN_VALUE) {
            firstTime = b.time();
            alerts.values().forEach(s -> {
                if (s.buy() != null && s.buy().barTime() < firstTime) {
                    outcomes.put(s.buy().alertId(), "ignored: decided before the paper period");
                }
                if (s.sell() != null && s.sell().barTime() < firstTime) {
                    outcomes.put(s.sell().alertId(), "ignored: decided before the paper period");
                }
            });
        }
        int t = bars++;
        lastTime = b.time();
        lastClose = b.close();
        long epochDay = cursor.sessionEpochDay();
        boolean closes = cursor.closesSession();
        boolean lastBar = (closes && session == spec.sessions() - 1) || (spec.endBar() != null && b.time() == spec.endBar());
        Signals signals = alerts.getOrDefault(b.time(), new Signals(null, null));
        if (entryPending) {
            double fill = NextOpenFillModel.buyPrice(b.open(), p.slippageBps());
            double shares = pendingShares;
            double commission = NextOpenFillModel.commission(shares, p.commissionPerOrder(), p.commissionPerShare());
            cash -= shares * fill + commission;
            position.enter(t, session, fill, shares, commission, pendingFraction);
            entryTime = b.time();
            entryEpochDay = epochDay;
            entryPending = false;
            entryAlertId = pendingAlert.alertId();
            Fill f = fill(epochDay, pendingAlert.alertId(), true, b.time(), b.time(), b.open(), fill, shares, commission, "entry");
            entryFillId = f.fillId();
            outcomes.put(pendingAlert.alertId(), "filled " + f.fillId());
            pendingAlert = null;
        }
        PaperAlert sell = signals.sell();
        if (position.isOpen()) {
            boolean exitSignal = sell != null && sell.ruleExit();
            int code = position.onBar(t, b.open(), b.high(), b.low(), b.close(), session, closes, exitSignal, lastBar);
            if (code != PositionState.NO_EXIT) {
                closeTrade(code, b, session, epochDay, sell);
            } else if (position.exitPending()) {
                exitAlertId = sell.alertId();
                outcomes.put(sell.alertId(), "exit decided: sells at the next open");
            } else if (sell != null) {
                outcomes.put(sell.alertId(), "ignored: the position's bracket did not exit on this bar");
            }
        } else if (sell != null && !outcomes.containsKey(sell.alertId())) {
            outcomes.put(sell.alertId(), "ignored: no position (already closed)");
        }
        double equity = position.isOpen() ? cash + position.shares() * b.close() : cash;
        PaperAlert buy = signals.buy();
        if (buy != null) {
            if (lastBar) {
                outcomes.put(buy.alertId(), "ignored: the paper period ends at this close");
            } else if (position.isOpen()) {
                outcomes.put(buy.alertId(), "ignored: a position is open");
            } else {
                decideEntry(buy, equity, b.close());
            }
        }
        recordEquity(epochDay, equity);
        if (lastBar) {
            complete = true;
            return Step.ENDED;
        }
        return Step.TAKEN;
    }

    private void decideEntry(PaperAlert buy, double equity, double close) {
        double fraction = sizer.fraction();
        double amount = fraction * equity;
        if (!(amount > 0 && Double.isFinite(amount))) {
            outcomes.put(buy.alertId(), "ignored: no equity to size the order");
            return;
        }
        double shares = Math.floor(amount / close);
        if (!(shares >= 1)) {
            outcomes.put(buy.alertId(), "ignored: less than one whole share");
            return;
        }
        entryPending = true;
        pendingShares = shares;
        pendingFraction = fraction;
        pendingAlert = buy;
        outcomes.put(buy.alertId(), "entry decided: buys at the next open");
    }

    private void closeTrade(int code, Bar b, int session, long epochDay, PaperAlert sell) {
        double shares = position.shares();
        double raw = position.exitPrice();
        double fill = NextOpenFillModel.sellPrice(raw, p.slippageBps());
        double commission = NextOpenFillModel.commission(shares, p.commissionPerOrder(), p.commissionPerShare());
        cash += shares * fill - commission;
        double entryValue = shares * position.entryPrice();
        double commissions = position.entryCommission() + commission;
        double pnl = shares * fill - entryValue - commissions;
        double ret = pnl / entryValue;
        int days = (int) (epochDay - entryEpochDay);
        ExitReason reason = ExitReason.ofCode(code);
        String alertId = code == PositionState.EXIT_SIGNAL ? exitAlertId
                : sell != null && !sell.ruleExit() ? sell.alertId() : null;
        boolean atClose = code == PositionState.EXIT_TIME_STOP || code == PositionState.EXIT_END_OF_DATA;
        Fill f = fill(epochDay, alertId, false, b.time(), atClose ? b.time() + barMillis : b.time(), raw, fill, shares,
                commission, reason.id());
        if (alertId != null) {
            outcomes.put(alertId, "filled " + f.fillId());
        }
        if (sell != null && !sell.alertId().equals(alertId)) {
            outcomes.put(sell.alertId(), "ignored: the position closed on this bar (" + reason.id() + ")");
        }
        trades.add(new Trade(trades.size() + 1, entryFillId, f.fillId(), entryAlertId, alertId, entryTime, b.time(),
                position.entryPrice(), fill, shares, commissions, pnl, ret, days, reason));
        sizer.recordClosedTrade(ret);
        int entrySession = position.entrySession();
        int s0 = Math.max(entrySession, lastExposedSession + 1);
        if (session >= s0) {
            exposure += session - s0 + 1;
            lastExposedSession = session;
        }
        exitAlertId = null;
    }

    private Fill fill(long epochDay, String alertId, boolean buy, long barTime, long fillTime, double price, double fillPrice,
                      double quantity, double commission, String reason) {
        if (epochDay != fillDay) {
            fillDay = epochDay;
            fillsInDay = 0;
        }
        fillsInDay++;
        String id = String.format("sim_%s_%03d", LocalDate.ofEpochDay(epochDay).format(DAY), fillsInDay);
        Fill f = new Fill(fills.size() + 1, id, alertId, buy, barTime, fillTime, price, fillPrice, quantity, commission, reason);
        fills.add(f);
        return f;
    }

    private void recordEquity(long epochDay, double equity) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int last = equityCurve.size() - 1;
        if (last >= 0 && equityCurve.get(last).date().equals(date)) {
            equityCurve.set(last, new SessionEquity(date, equity, cash));
        } else {
            equityCurve.add(new SessionEquity(date, equity, cash));
            sessionsSeen++;
        }
    }

    // ------------------------------------------------------------------ reads

    public Spec spec() {
        return spec;
    }

    public boolean complete() {
        return complete;
    }

    /** Bars taken. */
    public int bars() {
        return bars;
    }

    /** Start of the first bar taken (the period's start), or {@link Long#MIN_VALUE}. */
    public long firstTime() {
        return firstTime;
    }

    /** Start of the last bar taken, or {@link Long#MIN_VALUE}. */
    public long lastTime() {
        return lastTime;
    }

    /** Close of the last bar taken (NaN before any): open positions are marked to it. */
    public double lastClose() {
        return lastClose;
    }

    public double cash() {
        return cash;
    }

    /** Cash plus the open position marked to the last close. */
    public double equity() {
        return position.isOpen() && !Double.isNaN(lastClose) ? cash + position.shares() * lastClose : cash;
    }

    /** The open position (read only), or null when flat. */
    public PositionState openPosition() {
        return position.isOpen() ? position : null;
    }

    /** The alert whose entry filled the open position, or null. */
    public String openAlertId() {
        return position.isOpen() ? entryAlertId : null;
    }

    /** The fill that opened the open position, or null. */
    public String openFillId() {
        return position.isOpen() ? entryFillId : null;
    }

    /** An entry decided at the last close waits for the next open (the order of that BUY), or null. */
    public PaperAlert pendingEntry() {
        return entryPending ? pendingAlert : null;
    }

    public double pendingShares() {
        return entryPending ? pendingShares : 0;
    }

    public List<Fill> fills() {
        return Collections.unmodifiableList(fills);
    }

    public List<Trade> trades() {
        return Collections.unmodifiableList(trades);
    }

    /** Equity at the last bar seen of each session so far, oldest first. */
    public List<SessionEquity> equityCurve() {
        return Collections.unmodifiableList(equityCurve);
    }

    /** Sessions the period has covered so far. */
    public int sessionsSeen() {
        return sessionsSeen;
    }

    /** Sessions in which a position was held at any instant, counted as trades close. */
    public int exposureSessions() {
        return exposure;
    }

    /** What became of each alert applied or seen, by alert id (alerts of bars not yet taken are absent). */
    public Map<String, String> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }
}
