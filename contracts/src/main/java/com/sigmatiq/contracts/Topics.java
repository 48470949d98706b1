package com.sigmatiq.contracts;

/**
 * Kafka topic names. One topic per producing service and kind of event; consumers select by
 * {@link EventEnvelope#type()}. Every message is keyed by the envelope's {@code subject_id}. Which type goes where is
 * listed in {@link EventType}.
 */
public final class Topics {

    /** Model lifecycle events from model-service; key = model id. Types in {@link com.sigmatiq.contracts.model}. */
    public static final String MODEL_EVENTS = "model.events";

    /**
     * Prefix of the market-data bar topics: one topic per timeframe, the prefix followed by the timeframe's label
     * ({@link #MARKET_BARS_1M} … {@link #MARKET_BARS_1D}); messages are keyed by ticker (market-data-service).
     */
    public static final String MARKET_BARS_PREFIX = "market.bars.";
    /** Closed 1-minute bars ({@link com.sigmatiq.contracts.marketdata.BarClosed}). */
    public static final String MARKET_BARS_1M = MARKET_BARS_PREFIX + "1m";
    /** Closed 5-minute bars. */
    public static final String MARKET_BARS_5M = MARKET_BARS_PREFIX + "5m";
    /** Closed 15-minute bars. */
    public static final String MARKET_BARS_15M = MARKET_BARS_PREFIX + "15m";
    /** Closed 1-hour bars. */
    public static final String MARKET_BARS_1H = MARKET_BARS_PREFIX + "1h";
    /** Closed daily bars. */
    public static final String MARKET_BARS_1D = MARKET_BARS_PREFIX + "1d";

    /** Sweep lifecycle events from sweep-service; key = sweep id. Types in {@link com.sigmatiq.contracts.sweep}. */
    public static final String SWEEP_EVENTS = "sweep.events";

    /** Training events from training-service; key = job id. Types in {@link com.sigmatiq.contracts.training}. */
    public static final String TRAINING_EVENTS = "training.events";

    /** Paper-trading events from sim-service; key = published id. Types in {@link com.sigmatiq.contracts.paper}. */
    public static final String PAPER_EVENTS = "paper.events";

    /** Live-trading events from pilot-service; key = published id. Types in {@link com.sigmatiq.contracts.pilot}. */
    public static final String PILOT_EVENTS = "pilot.events";

    private Topics() {
    }
}
