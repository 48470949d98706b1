package com.sigmatiq.engine.pack;

/** A pack's {@code policies.yaml}: how orders are placed, sized and protected. Percentages in percent. */
public record Policies(Execution execution, PositionSizing positionSizing, RiskManagement riskManagement) {

    /** Order placement. {@code orderType} is {@code limit} or {@code market}; {@code timeInForce} {@code day} or {@code gtc}. */
    public record Execution(String orderType, String timeInForce, boolean waitForConfirmation, boolean partialFillsAllowed) {
        public static final Execution DEFAULT = new Execution("limit", "day", true, true);
    }

    /**
     * Position sizing. {@code method} is {@code kelly_fraction} or {@code fixed_fraction}; sizes in percent of equity.
     */
    public record PositionSizing(String method, double maxPositionPct, double minPositionPct, boolean scaleInAllowed, int maxPositions) {
        public static final PositionSizing DEFAULT = new PositionSizing("kelly_fraction", 5, 0.5, false, 10);
    }

    /** Exits. A percentage or day count of 0 turns that exit off; {@code trailingStop: false} means no trailing stop. */
    public record RiskManagement(double stopLossPct, double takeProfitPct, boolean trailingStop, double trailingStopPct, int timeStopDays) {
        public static final RiskManagement DEFAULT = new RiskManagement(0, 0, false, 0, 0);
    }
}
