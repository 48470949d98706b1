package com.sigmatiq.pilot.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.pilot.*}.
 *
 * @param secretKey      the passphrase whose SHA-256 is the AES-256 key sealing broker credentials (never in the database)
 * @param connectWait    how long an order waits for its account's broker connection before it is left pending_new
 * @param lookupWait     how long a lookup by client order id waits for the broker's answer
 * @param resumeInterval how often unconfirmed orders are looked up at the broker (and at start)
 * @param resumeGrace    how old an unconfirmed order must be before a periodic round looks it up (at start: any)
 * @param localBroker    the FIX broker a {@code fix} account without a connection reaches (local mode's local broker);
 *                       null: every FIX account names its own
 * @param haltAt         crash tests only: the {@link HaltPoint} at which the process halts as kill -9 leaves it; null
 *                       (always, outside those tests): never
 */
@ConfigurationProperties("sigmatiq.pilot")
public record PilotProperties(@DefaultValue(DEV_SECRET_KEY) String secretKey, @DefaultValue("5s") Duration connectWait,
                              @DefaultValue("5s") Duration lookupWait, @DefaultValue("60s") Duration resumeInterval,
                              @DefaultValue("30s") Duration resumeGrace, LocalBroker localBroker,
                              HaltPoint haltAt) {

    /**
     * {@code sigmatiq.pilot.local-broker.*}: where the local broker listens.
     *
     * @param compId the broker's CompID, our TargetCompID
     */
    public record LocalBroker(String host, int port, @DefaultValue("LOCALBROKER") String compId) {
    }

    /** The development default of {@link #secretKey()}: publicly known, warned about at start, refused in 'prod'. */
    public static final String DEV_SECRET_KEY = "dev-only-insecure-pilot-secret-key-change-me";

    public boolean usesDevSecretKey() {
        return DEV_SECRET_KEY.equals(secretKey);
    }
}
