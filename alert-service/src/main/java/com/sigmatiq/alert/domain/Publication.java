package com.sigmatiq.alert.domain;

import java.util.Map;

/**
 * A published model as alert-service follows it (from model-service's {@code model.published}).
 *
 * @param feed {@code live}, or the id of the replay whose bars it follows
 */
public record Publication(String id, String ownerId, String modelId, String trainedModelId, String ticker,
                          String timeframe, String packId, String packVersion, String strategyId,
                          Map<String, Object> effectiveConfig, String name, int maxAlertsPerDay, boolean paperTradeFirst,
                          double paperEquity, String feed, String status) {

    public static final String LIVE = "live";

    /** Whether bars of {@code stream} (null or {@code live}: the live feed; else a replay id) reach this model. */
    public boolean follows(String stream) {
        return stream == null || LIVE.equals(stream) ? LIVE.equals(feed) : stream.equals(feed);
    }

    /** Evaluates bars (paper trading or alerting, or live). */
    public boolean active() {
        return status.equals("paper_trading") || status.equals("alerting") || status.equals("live");
    }
}
