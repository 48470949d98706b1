package com.sigmatiq.pilot.domain;

import java.time.Instant;

/** An alert refused before anything left: the check ({@link RiskChecks}' names) and the reason. */
public record Refusal(String alertId, String publishedId, String accountId, String ownerId, String check, String reason,
                      Instant at) {
}
