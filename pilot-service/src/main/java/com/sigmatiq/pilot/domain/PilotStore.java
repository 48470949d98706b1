package com.sigmatiq.pilot.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** pilot-service's storage (schema {@code pilot}). */
public interface PilotStore {

    /** Stores a new account; empty if the owner already has one at this broker with this account id. */
    Optional<LiveAccount> insertAccount(LiveAccount account, byte[] sealedCredentials);

    Optional<LiveAccount> account(String id);

    /** The owner's accounts, newest first. */
    List<LiveAccount> accounts(String ownerId);

    /** The sealed credentials of an account, or null when it has none. */
    byte[] sealedCredentials(String accountId);

    /** Sets an account's kill switch and records who did it. */
    void setKillSwitch(String accountId, boolean engaged, String changedBy, Instant at);

    void setConnectionState(String accountId, String state);

    boolean globalKillSwitch();

    /** Sets the global kill switch and records who did it. */
    void setGlobalKillSwitch(boolean engaged, String changedBy, Instant at);
}
