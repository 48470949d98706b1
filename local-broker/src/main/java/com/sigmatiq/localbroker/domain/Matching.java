package com.sigmatiq.localbroker.domain;

import java.util.OptionalDouble;

/**
 * The local broker's fill rule, the one a backtest on bars uses for the next bar: a market order fills at the bar's
 * open; a limit order when the bar reaches its price (at the open if the bar opens through it, else at the limit); a
 * stop order when the bar reaches its stop (at the open if it gaps through, else at the stop).
 */
public final class Matching {

    private Matching() {
    }

    /** The price the order fills at on this bar, or empty if the bar does not reach it. */
    public static OptionalDouble fillPrice(BrokerOrder.Side side, BrokerOrder.OrderType type, Double limit, Double stop,
                                           Bar bar) {
        boolean buy = side == BrokerOrder.Side.BUY;
        return switch (type) {
            case MARKET -> OptionalDouble.of(bar.open());
            case LIMIT -> buy
                    ? (bar.low() <= limit ? OptionalDouble.of(Math.min(bar.open(), limit)) : OptionalDouble.empty())
                    : (bar.high() >= limit ? OptionalDouble.of(Math.max(bar.open(), limit)) : OptionalDouble.empty());
            case STOP -> buy
                    ? (bar.high() >= stop ? OptionalDouble.of(Math.max(bar.open(), stop)) : OptionalDouble.empty())
                    : (bar.low() <= stop ? OptionalDouble.of(Math.min(bar.open(), stop)) : OptionalDouble.empty());
        };
    }
}
