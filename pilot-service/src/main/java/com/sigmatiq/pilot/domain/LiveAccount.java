package com.sigmatiq.pilot.domain;

import java.time.Instant;

/**
 * A user's live account at a broker. The credentials are not part of it: they stay sealed in the store and are opened
 * only by the broker adapter that needs them ({@link Accounts#credentials(String)}).
 *
 * @param id              ours, {@code acc_…}
 * @param accountId       the broker's account id (seed 8.1 {@code account_id})
 * @param killSwitch      the account's own kill switch
 * @param connectionState what the adapter last reported ({@code disconnected}, {@code connecting}, {@code connected})
 */
public record LiveAccount(String id, String ownerId, Broker broker, String accountId, Connection connection,
                          Limits limits, boolean killSwitch, String connectionState, boolean credentialsSet,
                          Instant createdAt) {
}
