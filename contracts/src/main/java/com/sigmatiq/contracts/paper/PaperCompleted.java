package com.sigmatiq.contracts.paper;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A paper-trading period ended with a recommendation (envelope type {@value #TYPE} on {@code paper.events}; subject =
 * the published id, owner = the user; key = the published id; event id derived from the account, so a repeat is
 * dropped by the consumer's inbox). model-service moves the publication to {@code paper_complete}.
 *
 * @param publishedId    the publication, {@code pub_…}
 * @param modelId        its model
 * @param accountId      the paper account (sim-service)
 * @param recommendation {@code APPROVE_FOR_LIVE_TRADING}, {@code REJECT} or {@code EXTEND_PAPER_TRADING}
 * @param periodStart    start of the first paper bar
 * @param periodEnd      end of the last paper bar
 * @param sessions       trading sessions of the period
 * @param totalTrades    closed paper trades
 * @param winRate        winning trades / trades; null without trades
 * @param sharpeRatio    annualized Sharpe ratio of the paper sessions' daily returns
 * @param totalReturn    last equity / starting equity − 1
 * @param completedAt    when the recommendation was made
 */
public record PaperCompleted(
        @JsonProperty("published_id") String publishedId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("recommendation") String recommendation,
        @JsonProperty("period_start") Instant periodStart,
        @JsonProperty("period_end") Instant periodEnd,
        @JsonProperty("sessions") int sessions,
        @JsonProperty("total_trades") int totalTrades,
        @JsonProperty("win_rate") Double winRate,
        @JsonProperty("sharpe_ratio") double sharpeRatio,
        @JsonProperty("total_return") double totalReturn,
        @JsonProperty("completed_at") Instant completedAt) {

    public static final String TYPE = "paper.completed";
}
