package com.sigmatiq.pilot.domain;

import java.time.Instant;

/**
 * A seed 8.1 live-trading approval in force: the account that trades the publication, its caps and go-live date.
 *
 * @param maxCapital      dollars (seed {@code live_settings.max_capital})
 * @param maxPositionSize dollars per position (seed {@code live_settings.max_position_size})
 */
public record Approval(String publishedId, String ownerId, String accountId, double maxCapital, double maxPositionSize,
                       boolean enableSigmaPilot, Instant goLiveDate, Instant approvedAt) {

    /** Whether orders may flow at {@code now}. */
    public boolean inForce(Instant now) {
        return enableSigmaPilot && !now.isBefore(goLiveDate);
    }
}
