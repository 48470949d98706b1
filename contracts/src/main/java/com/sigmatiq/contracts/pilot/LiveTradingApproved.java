package com.sigmatiq.contracts.pilot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A user approved a paper-validated publication for live trading (seed 8.1; envelope type {@value #TYPE} on
 * {@code pilot.events}; subject = the published id, owner = the user; key = the published id). model-service moves the
 * publication from {@code paper_complete} to {@code live} at {@code go_live_date}.
 *
 * @param publishedId the publication, {@code pub_…}
 * @param accountId   the live account that trades it (pilot-service)
 * @param goLiveDate  from when it is live
 * @param approvedAt  when the approval was given
 */
public record LiveTradingApproved(
        @JsonProperty("published_id") String publishedId,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("go_live_date") Instant goLiveDate,
        @JsonProperty("approved_at") Instant approvedAt) {

    public static final String TYPE = "pilot.live_trading_approved";
}
