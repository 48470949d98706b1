package com.sigmatiq.model.domain;

import java.time.Instant;

/**
 * One entry of a publication's status history.
 *
 * @param from   the status before; null for the first entry (published)
 * @param to     the status after
 * @param reason why, e.g. {@code published}, {@code paused by owner}, or the owner's own words
 */
public record StatusChange(PublicationStatus from, PublicationStatus to, Instant at, String reason) {
}
