package com.sigmatiq.model.domain;

/**
 * The bars a publication follows: the live feed, or one replay ({@code market.bars.<timeframe>} records of that replay
 * only).
 *
 * @param replayId the replay, or null for the live feed
 */
public record Feed(String replayId) {

    public static final Feed LIVE = new Feed(null);

    public boolean isLive() {
        return replayId == null;
    }

    /** {@code live} or {@code replay}, as events carry it. */
    public String kind() {
        return isLive() ? "live" : "replay";
    }
}
