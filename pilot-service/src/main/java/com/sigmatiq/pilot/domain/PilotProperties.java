package com.sigmatiq.pilot.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.pilot.*}.
 *
 * @param secretKey the passphrase whose SHA-256 is the AES-256 key sealing broker credentials (never in the database)
 */
@ConfigurationProperties("sigmatiq.pilot")
public record PilotProperties(@DefaultValue(DEV_SECRET_KEY) String secretKey) {

    /** The development default of {@link #secretKey()}: publicly known, warned about at start, refused in 'prod'. */
    public static final String DEV_SECRET_KEY = "dev-only-insecure-pilot-secret-key-change-me";

    public boolean usesDevSecretKey() {
        return DEV_SECRET_KEY.equals(secretKey);
    }
}
