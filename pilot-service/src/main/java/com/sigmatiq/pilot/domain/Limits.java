package com.sigmatiq.pilot.domain;

/**
 * An account's hard limits, checked before any order leaves (DESIGN §7).
 *
 * @param maxCapital         dollars, the most capital in use (open positions at cost plus the new order)
 * @param maxPositionSize    dollars per position (seed 8.1); an order's quantity is cut to fit
 * @param maxOpenPositions   how many positions may be open at once
 * @param dailyLossLimit     dollars, positive: no order once the day's loss reaches it
 * @param maxOrdersPerMinute orders sent in any 60 seconds
 * @param priceBandPct       percent, 5 = 5%: an order's price must be within this band of the last close
 */
public record Limits(double maxCapital, double maxPositionSize, int maxOpenPositions, double dailyLossLimit,
                     int maxOrdersPerMinute, double priceBandPct) {

    /** The largest dollar amount a limit may hold (the stored columns have 16 digits before the point). */
    public static final double MAX_DOLLARS = 1e15;

    /** DESIGN §7's default price band, percent. */
    public static final double DEFAULT_PRICE_BAND_PCT = 5.0;

    public Limits {
        if (!(maxCapital > 0) || !(maxPositionSize > 0) || maxOpenPositions <= 0 || !(dailyLossLimit > 0)
                || maxOrdersPerMinute <= 0 || !(priceBandPct > 0)) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }
}
