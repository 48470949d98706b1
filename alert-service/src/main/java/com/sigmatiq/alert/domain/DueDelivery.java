package com.sigmatiq.alert.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery row claimed by a dispatcher, with what its sender needs.
 *
 * @param attempts         tries including this one
 * @param claimId          the claim: the row's outcome is written only while the row still carries it
 * @param alertJson        the stored alert document, sent as it is (its bytes are what a webhook's signature covers)
 * @param pushSecretSealed the webhook's sealed secret (the destination row whose URL is {@code target}, the published
 *                         model's first); null for other destinations, or when the user removed that webhook
 */
public record DueDelivery(String alertId, String destination, String target, int attempts, Instant validUntil,
                          UUID claimId, String ownerId, String publicationId, String publicationName, String alertJson,
                          byte[] pushSecretSealed) {
}
