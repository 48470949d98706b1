package com.sigmatiq.pilot.domain;

/**
 * A published model as model-service announced it, with sim-service's paper recommendation once there is one.
 *
 * @param feed {@code live} or the replay id it follows (the last close is looked up on that feed)
 */
public record Publication(String publishedId, String ownerId, String modelId, String ticker, String feed, String status,
                          String recommendation) {

    /** The feed of live bars ({@link #feed()} is otherwise a replay's id). */
    public static final String LIVE_FEED = "live";
    /** The status from which alerts become orders. */
    public static final String LIVE = "live";
    /** The recommendation an approval needs. */
    public static final String APPROVE = "APPROVE_FOR_LIVE_TRADING";
}
