package com.sigmatiq.pilot.domain;

/**
 * DESIGN §7's checks before any order leaves, in their order; the first that fails refuses the order with its reason.
 * Pure: everything it needs is in the {@link Context}.
 */
public final class RiskChecks {

    /** The check names, in order, as stored with a refusal. */
    public static final String KILL_SWITCH = "kill_switch";
    public static final String MODEL_LIVE = "model_live_and_approved";
    public static final String POSITION_SIZE = "max_position_size";
    public static final String OPEN_POSITIONS = "max_open_positions";
    public static final String CAPITAL = "max_capital";
    public static final String DAILY_LOSS = "daily_loss_limit";
    public static final String PRICE_BAND = "price_band";
    public static final String ORDER_RATE = "max_orders_per_minute";

    private RiskChecks() {
    }

    /**
     * What the checks look at.
     *
     * @param publicationStatus the publication's status, null if unknown
     * @param approved          an approval with Sigma Pilot enabled whose go-live date has come
     * @param maxPositionSize   dollars: the smaller of the account's and the approval's
     * @param maxCapital        dollars: the smaller of the account's and the approval's
     * @param price             the order's price in dollars (limit price, or the last close for a market order)
     * @param heldQuantity      shares of the ticker held now (a SELL sells them)
     * @param openPositions     positions open on the account
     * @param capitalInUse      dollars at cost in open positions and open BUY orders
     * @param lossToday         dollars lost today (realized), positive for a loss
     * @param lastClose         the ticker's last close, NaN if none is known
     * @param ordersLastMinute  orders of the account created in the last 60 seconds
     */
    public record Context(boolean globalKill, boolean accountKill, String publicationStatus, boolean approved,
                          Limits limits, double maxPositionSize, double maxCapital, boolean buy, long alertQuantity,
                          double price, long heldQuantity, int openPositions, double capitalInUse, double lossToday,
                          double lastClose, int ordersLastMinute) {
    }

    /** The outcome: an order of {@code quantity} shares, or a refusal by {@code check} with {@code reason}. */
    public record Outcome(long quantity, String check, String reason) {

        public boolean refused() {
            return check != null;
        }

        static Outcome refuse(String check, String reason) {
            return new Outcome(0, check, reason);
        }
    }

    public static Outcome check(Context c) {
        if (c.globalKill()) {
            return Outcome.refuse(KILL_SWITCH, "the global kill switch is engaged");
        }
        if (c.accountKill()) {
            return Outcome.refuse(KILL_SWITCH, "the account's kill switch is engaged");
        }
        if (!"live".equals(c.publicationStatus())) {
            return Outcome.refuse(MODEL_LIVE, c.publicationStatus() == null ? "the published model is unknown"
                    : "the published model is " + c.publicationStatus() + ", not live");
        }
        if (!c.approved()) {
            return Outcome.refuse(MODEL_LIVE, "the published model has no live-trading approval in force");
        }
        if (!(c.price() > 0)) {
            return Outcome.refuse(POSITION_SIZE, "the order has no price to size it by");
        }
        long quantity;
        if (c.buy()) {
            quantity = Math.min(c.alertQuantity(), (long) Math.floor(c.maxPositionSize() / c.price()));
            if (quantity <= 0) {
                return Outcome.refuse(POSITION_SIZE, "not one share at " + money(c.price()) + " fits max_position_size "
                        + money(c.maxPositionSize()));
            }
            if (c.heldQuantity() == 0 && c.openPositions() >= c.limits().maxOpenPositions()) {
                return Outcome.refuse(OPEN_POSITIONS, c.openPositions() + " positions are open, max_open_positions is "
                        + c.limits().maxOpenPositions());
            }
            double value = quantity * c.price();
            if (c.capitalInUse() + value > c.maxCapital() + 1e-9) {
                return Outcome.refuse(CAPITAL, "capital in use " + money(c.capitalInUse()) + " + order " + money(value)
                        + " exceeds max_capital " + money(c.maxCapital()));
            }
        } else {
            quantity = c.heldQuantity();
            if (quantity <= 0) {
                return Outcome.refuse(POSITION_SIZE, "no position to sell");
            }
        }
        if (c.lossToday() >= c.limits().dailyLossLimit()) {
            return Outcome.refuse(DAILY_LOSS, "today's loss " + money(c.lossToday()) + " has reached daily_loss_limit "
                    + money(c.limits().dailyLossLimit()));
        }
        if (Double.isNaN(c.lastClose())) {
            return Outcome.refuse(PRICE_BAND, "no last close of the ticker is known");
        }
        double band = c.limits().priceBandPct() / 100.0;
        if (Math.abs(c.price() - c.lastClose()) > band * c.lastClose() + 1e-9) {
            return Outcome.refuse(PRICE_BAND, "price " + money(c.price()) + " is outside " + c.limits().priceBandPct()
                    + "% of the last close " + money(c.lastClose()));
        }
        if (c.ordersLastMinute() >= c.limits().maxOrdersPerMinute()) {
            return Outcome.refuse(ORDER_RATE, c.ordersLastMinute() + " orders in the last minute, max_orders_per_minute is "
                    + c.limits().maxOrdersPerMinute());
        }
        return new Outcome(quantity, null, null);
    }

    private static String money(double v) {
        return String.format(java.util.Locale.ROOT, "$%,.2f", v);
    }
}
