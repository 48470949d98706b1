package com.sigmatiq.engine.backtest;

/**
 * What a {@link StrategyEvaluator} made of one closed bar, in DESIGN §4's order: what filled inside the bar (the
 * entry decided at the previous close, at this open; an exit at the open, at a level, or at this close), then what
 * was decided at this close (an entry or a rule exit, both for the next open). One instance per evaluator, refilled
 * at every bar: read it before the next bar; it allocates nothing (one {@link Trade} when a trade closes).
 *
 * <p>A bar can hold several events: an entry filled at its open and stopped out inside it, and a new entry decided
 * at its close. {@link #action()} names the one a person acts on first; the fields say everything.
 */
public final class Decision {

    /** What to do after this bar's close. */
    public enum Action {
        /** Flat and staying flat (also every warm-up bar). */
        WAIT,
        /** In a position, nothing to do. */
        HOLD,
        /** Buy at the next open: {@link #entryDecided()}. */
        ENTER,
        /**
         * The position closed inside this bar (stop, target, trailing or time stop, end of data, or a rule exit filled
         * at this open: {@link #exitReason()}), or a rule exit decided at this close sells at the next open
         * ({@link #exitDecided()}).
         */
        EXIT
    }

    private int bar;
    private long time;
    private int session;
    private long sessionEpochDay;
    private boolean warmUp;
    private double entryScore;
    private double confidence;

    private boolean entryFilled;
    private double entryFillPrice;
    private double entryShares;
    private double entryCommission;

    private int exitCode;
    private double exitLevel;
    private double exitFillPrice;
    private double exitShares;
    private Trade trade;

    private boolean exitDecided;
    private boolean entryDecided;
    private double orderAmount;
    private double orderShares;
    private double orderFraction;
    private double referencePrice;

    private boolean inPosition;
    private double cash;
    private double equity;

    void begin(int bar, long time, int session, long sessionEpochDay, boolean warmUp, double entryScore) {
        this.bar = bar;
        this.time = time;
        this.session = session;
        this.sessionEpochDay = sessionEpochDay;
        this.warmUp = warmUp;
        this.entryScore = entryScore;
        this.confidence = Double.NaN;
        entryFilled = false;
        entryFillPrice = Double.NaN;
        entryShares = 0;
        entryCommission = 0;
        exitCode = PositionState.NO_EXIT;
        exitLevel = Double.NaN;
        exitFillPrice = Double.NaN;
        exitShares = 0;
        trade = null;
        exitDecided = false;
        entryDecided = false;
        orderAmount = 0;
        orderShares = Double.NaN;
        orderFraction = 0;
        referencePrice = Double.NaN;
    }

    void entryFilled(double price, double shares, double commission) {
        entryFilled = true;
        entryFillPrice = price;
        entryShares = shares;
        entryCommission = commission;
    }

    void exited(int code, double level, double fillPrice, double shares, Trade trade) {
        this.exitCode = code;
        this.exitLevel = level;
        this.exitFillPrice = fillPrice;
        this.exitShares = shares;
        this.trade = trade;
    }

    void confidence(double confidence) {
        this.confidence = confidence;
    }

    void exitDecided(double shares) {
        exitDecided = true;
        exitShares = shares;
    }

    void entryDecided(double amount, double shares, double fraction, double referencePrice) {
        entryDecided = true;
        orderAmount = amount;
        orderShares = shares;
        orderFraction = fraction;
        this.referencePrice = referencePrice;
    }

    void end(boolean inPosition, double cash, double equity) {
        this.inPosition = inPosition;
        this.cash = cash;
        this.equity = equity;
    }

    /** What to do after this close; see {@link Action}. */
    public Action action() {
        if (entryDecided) {
            return Action.ENTER;
        }
        if (exitDecided || exitCode != PositionState.NO_EXIT) {
            return Action.EXIT;
        }
        return inPosition ? Action.HOLD : Action.WAIT;
    }

    /** Index of the bar: bars fed since the evaluator's first (warm-up included), or the series' index. */
    public int bar() {
        return bar;
    }

    /** Start of the bar, epoch ms UTC. */
    public long time() {
        return time;
    }

    /** Session index of the bar (0 at the first bar the evaluator took). */
    public int session() {
        return session;
    }

    /** Exchange-local date of the bar's session, as an epoch day. */
    public long sessionEpochDay() {
        return sessionEpochDay;
    }

    /** A warm-up bar: indicators ran, nothing was decided, nothing below is set. */
    public boolean warmUp() {
        return warmUp;
    }

    /** Entry score at this close; NaN when the evaluator is fed columns (they carry the confidence only). */
    public double entryScore() {
        return entryScore;
    }

    /** The confidence compared with the threshold; NaN unless an entry was considered at this close. */
    public double confidence() {
        return confidence;
    }

    /** The entry decided at the previous close filled at this bar's open. */
    public boolean entryFilled() {
        return entryFilled;
    }

    /** Buy fill price (slippage included) when {@link #entryFilled()}. */
    public double entryFillPrice() {
        return entryFillPrice;
    }

    /** Shares bought when {@link #entryFilled()}. */
    public double entryShares() {
        return entryShares;
    }

    public double entryCommission() {
        return entryCommission;
    }

    /** Whether the position closed inside this bar. */
    public boolean exited() {
        return exitCode != PositionState.NO_EXIT;
    }

    /** Why the position closed inside this bar, or null. */
    public ExitReason exitReason() {
        return exitCode == PositionState.NO_EXIT ? null : ExitReason.ofCode(exitCode);
    }

    /** {@link ExitReason#code()} of the exit inside this bar, or {@link PositionState#NO_EXIT}. */
    public int exitCode() {
        return exitCode;
    }

    /** The raw price of the exit inside this bar (the open, a level, or the close), before slippage. */
    public double exitLevel() {
        return exitLevel;
    }

    /** The sell fill price (slippage included) of the exit inside this bar. */
    public double exitFillPrice() {
        return exitFillPrice;
    }

    /** Shares sold inside this bar, or to sell at the next open when {@link #exitDecided()}. */
    public double exitShares() {
        return exitShares;
    }

    /** The trade that closed inside this bar, or null. */
    public Trade trade() {
        return trade;
    }

    /** A rule exit holds at this close: sell {@link #exitShares()} at the next open (its price times 1 − slippage). */
    public boolean exitDecided() {
        return exitDecided;
    }

    /** An entry was decided at this close: buy at the next open (its price times 1 + slippage). */
    public boolean entryDecided() {
        return entryDecided;
    }

    /** Money the decided entry invests (commission on top): the size fraction of this close's equity. */
    public double orderAmount() {
        return orderAmount;
    }

    /**
     * Whole shares the decided entry buys, floor(amount / this close); NaN with fractional shares, which are
     * amount / fill and known only at the next open.
     */
    public double orderShares() {
        return orderShares;
    }

    /** Fraction of equity the decided entry invests. */
    public double orderFraction() {
        return orderFraction;
    }

    /** This bar's close, the reference (limit) price of a decided entry; NaN without one. */
    public double referencePrice() {
        return referencePrice;
    }

    /** A position is held after this close (a rule exit may be pending). */
    public boolean inPosition() {
        return inPosition;
    }

    public double cash() {
        return cash;
    }

    /** Cash + shares × this close. */
    public double equity() {
        return equity;
    }

    @Override
    public String toString() {
        return "Decision[bar " + bar + ", " + action() + (exited() ? ", exit " + exitReason() + " at " + exitFillPrice : "")
                + (entryDecided ? ", enter " + orderAmount : "") + ", equity " + equity + "]";
    }
}
