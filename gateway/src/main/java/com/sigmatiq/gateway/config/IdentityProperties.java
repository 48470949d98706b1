package com.sigmatiq.gateway.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sigmatiq.identity.*}: who issues tokens, how long they live, and the secret that encrypts
 * the signing key at rest.
 *
 * @param issuer              the {@code iss} claim of every token, {@code sigmatiq}
 * @param tokenTtl            lifetime of an access token ({@code exp - iat}), 1 h
 * @param keyEncryptionSecret passphrase from which the AES-256 key protecting the private signing
 *                            key is derived; at least {@value #MIN_SECRET_LENGTH} characters; no default in
 *                            profile {@code prod} (checked at start by the identity configuration)
 * @param demoUser            the optional demo account created at start
 * @param serviceSecret       the shared secret with which the platform's services obtain their own tokens
 *                            ({@code POST /api/auth/service-token}, role {@code service}); unset: no service tokens
 * @param operators           usernames whose tokens carry the {@code operator} role besides {@code user} (bar imports
 *                            and replays need it); e.g. {@code SIGMATIQ_IDENTITY_OPERATORS=alice,bob}; read at start,
 *                            so a change needs a restart of the gateway and a new login (docs/operations.md)
 * @param loginThrottle       how many failed logins are allowed before a wait (LoginThrottle)
 * @param signingKeyRotation  how often the signing key is replaced; zero (the default): never
 */
@Validated
@ConfigurationProperties("sigmatiq.identity")
public record IdentityProperties(
        @DefaultValue("sigmatiq") @NotBlank String issuer,
        @DefaultValue("1h") @NotNull Duration tokenTtl,
        String keyEncryptionSecret,
        String serviceSecret,
        @DefaultValue @Valid DemoUser demoUser,
        List<String> operators,
        @DefaultValue @Valid LoginThrottleLimits loginThrottle,
        @DefaultValue("0s") @NotNull Duration signingKeyRotation) {

    public IdentityProperties {
        operators = operators == null ? List.of()
                : operators.stream().map(String::trim).filter(o -> !o.isEmpty()).distinct().toList();
    }

    /** The value in {@code application.yaml}; fine for a laptop, never for a shared deployment. */
    public static final String DEV_KEY_ENCRYPTION_SECRET = "dev-only-insecure-key-encryption-secret-change-me";

    /**
     * {@code sigmatiq.identity.demo-user.*}.
     *
     * @param enabled  create the account at start (idempotent)
     * @param username {@code demo}
     * @param password {@code sigmatiq-demo}
     */
    public record DemoUser(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("demo") String username,
            @DefaultValue("sigmatiq-demo") String password) {
    }

    /**
     * {@code sigmatiq.identity.login-throttle.*}: failed logins counted over {@code window}.
     *
     * @param perAddress        failures from one address before it must wait (any user), 20
     * @param perUserAndAddress failures for one user from one address before that pair must wait, 5
     * @param perUser           failures for one user from all addresses before only its known addresses may try, 50
     * @param window            how long a failure counts, 15 min
     */
    public record LoginThrottleLimits(
            @DefaultValue("20") int perAddress,
            @DefaultValue("5") int perUserAndAddress,
            @DefaultValue("50") int perUser,
            @DefaultValue("15m") Duration window) {
    }

    /** Shortest accepted key-encryption secret. */
    public static final int MIN_SECRET_LENGTH = 16;

    public boolean usesDevKeyEncryptionSecret() {
        return DEV_KEY_ENCRYPTION_SECRET.equals(keyEncryptionSecret);
    }
}
