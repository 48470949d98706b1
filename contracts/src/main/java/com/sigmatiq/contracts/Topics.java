package com.sigmatiq.contracts;

/**
 * Kafka topic names. One topic per producing service and kind of event; consumers select by
 * {@link EventEnvelope#type()}.
 */
public final class Topics {

    /** Model lifecycle events from model-service; key = model id. Types in {@link com.sigmatiq.contracts.model}. */
    public static final String MODEL_EVENTS = "model.events";

    /**
     * Prefix of the market-data bar topics; the full name appends the timeframe, e.g.
     * {@code market.bars.1m}; messages are keyed by ticker (market-data-service).
     */
    public static final String MARKET_BARS_PREFIX = "market.bars.";

    /** Sweep lifecycle and progress events from sweep-service (later issue). */
    public static final String SWEEP_EVENTS = "sweep.events";

    private Topics() {
    }
}
