package com.sigmatiq.sim.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One paper account: a paper-trading published model's simulated brokerage account, created from
 * {@code model.published}. What it trades (frozen at publication), how (execution settings, starting equity, the
 * paper period in sessions, the recommendation rules) and where it stands.
 *
 * @param id        {@code sim_} and the published id's hex digits
 * @param feed      {@code live}, or the id of the replay the model follows
 * @param status    {@link #PAPER_TRADING}, {@link #SETTLING}, {@link #COMPLETE} or {@link #STOPPED}
 * @param firstBar  start of the period's first bar (epoch ms), null until it arrives
 * @param endBar    start of the period's last bar, null until it is known
 */
public record Account(String id, String publishedId, String ownerId, String modelId, String trainedModelId, String name,
                      String ticker, String timeframe, String packId, String packVersion, String strategyId,
                      Map<String, Object> effectiveConfig, String feed, int maxAlertsPerDay, double startingEquity,
                      int sessions, Execution execution, RecommendationRules rules, String status, Long firstBar,
                      Long endBar, String recommendation, Instant createdAt, Instant completedAt) {

    /** Following its feed: waiting for the first bar, or inside the period. */
    public static final String PAPER_TRADING = "paper_trading";
    /** The period's last bar is taken; alerts of its bars may still arrive until the settle time. */
    public static final String SETTLING = "settling";
    /** Performance, reconciliation and recommendation stored; {@code paper.completed} sent. */
    public static final String COMPLETE = "complete";
    /** The publication was retired during the period: no more bars or alerts are taken. */
    public static final String STOPPED = "stopped";
    /** The live feed's name. */
    public static final String LIVE = "live";

    /** The account id of a published model: {@code sim_} and what follows {@code pub_}. */
    public static String idOf(String publishedId) {
        return "sim_" + (publishedId.startsWith("pub_") ? publishedId.substring(4) : publishedId);
    }
}
