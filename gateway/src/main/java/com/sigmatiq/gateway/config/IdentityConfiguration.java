package com.sigmatiq.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sigmatiq.gateway.domain.LoginThrottle;
import com.sigmatiq.gateway.domain.SigningKeyStore;
import com.sigmatiq.gateway.domain.SigningKeys;
import com.sigmatiq.gateway.domain.ServiceAccounts;
import com.sigmatiq.gateway.domain.TokenIssuer;
import com.sigmatiq.gateway.persistence.PrivateKeyCipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Passwords, the signing key, and the encoder/decoder of the gateway's own tokens (the clock is the service kit's). */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    PrivateKeyCipher privateKeyCipher(IdentityProperties identity, Environment environment) {
        String secret = identity.keyEncryptionSecret();
        if (secret == null || secret.isBlank() || secret.startsWith("${")) {
            throw new IllegalStateException("sigmatiq.identity.key-encryption-secret is not set: provide it, e.g. with"
                    + " the environment variable SIGMATIQ_IDENTITY_KEY_ENCRYPTION_SECRET");
        }
        if (secret.length() < IdentityProperties.MIN_SECRET_LENGTH) {
            throw new IllegalStateException("sigmatiq.identity.key-encryption-secret must be at least "
                    + IdentityProperties.MIN_SECRET_LENGTH + " characters");
        }
        if (identity.usesDevKeyEncryptionSecret()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("sigmatiq.identity.key-encryption-secret is the development default;"
                        + " set SIGMATIQ_IDENTITY_KEY_ENCRYPTION_SECRET for profile 'prod'");
            }
            log.warn("sigmatiq.identity.key-encryption-secret is the DEVELOPMENT DEFAULT: the JWT signing key is"
                    + " encrypted with a publicly known secret. Set SIGMATIQ_IDENTITY_KEY_ENCRYPTION_SECRET"
                    + " for any shared deployment.");
        }
        return new PrivateKeyCipher(identity.keyEncryptionSecret());
    }

    /** A retired key verifies for a token lifetime plus this much clock skew. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @Bean
    SigningKeys signingKeys(SigningKeyStore store, TransactionTemplate transactionTemplate, Clock clock,
                            IdentityProperties identity) {
        return SigningKeys.loadOrCreate(store, transactionTemplate, clock, identity.tokenTtl().plus(CLOCK_SKEW));
    }

    /**
     * Once a minute: rotate the signing key when it is older than {@code sigmatiq.identity.signing-key-rotation}
     * (if set), else re-read the published keys (another instance may have rotated, a retired key may have expired).
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService signingKeyMaintenance(SigningKeys keys, IdentityProperties identity) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "signing-key-maintenance");
            t.setDaemon(true);
            return t;
        });
        Duration period = identity.signingKeyRotation();
        if (!period.isZero()) {
            log.info("Signing key rotation every {}; a retired key verifies for {} more", period,
                    identity.tokenTtl().plus(CLOCK_SKEW));
        }
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (period.isZero()) {
                    keys.refresh();
                } else {
                    keys.rotateIfOlderThan(period);
                }
            } catch (RuntimeException e) {
                log.warn("signing key maintenance failed: {}", e.toString());
            }
        }, 1, 1, TimeUnit.MINUTES);
        return executor;
    }

    /** Signs with whichever key is active at the moment. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.active())));
    }

    /** Validates the gateway's own tokens (signature, expiry, issuer) without an HTTP round trip. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties identity) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSource((JWKSource<SecurityContext>) (selector, context) -> selector.select(keys.publicJwks()))
                .jwsAlgorithm(SignatureAlgorithm.from(JWSAlgorithm.RS256.getName()))
                .build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(identity.issuer());
        decoder.setJwtValidator(validator);
        return decoder;
    }

    @Bean
    TokenIssuer tokenIssuer(JwtEncoder encoder, SigningKeys keys, IdentityProperties identity, Clock clock) {
        if (!identity.operators().isEmpty()) {
            log.info("Operators (role 'operator' in their tokens): {}", identity.operators());
        }
        return new TokenIssuer(encoder, identity.issuer(), identity.tokenTtl(), () -> keys.active().getKeyID(), clock,
                identity.operators());
    }

    @Bean
    LoginThrottle loginThrottle(IdentityProperties identity, Clock clock) {
        IdentityProperties.LoginThrottleLimits l = identity.loginThrottle();
        return new LoginThrottle(new LoginThrottle.Limits(l.perAddress(), l.perUserAndAddress(), l.perUser(), l.window()),
                clock);
    }

    @Bean
    ServiceAccounts serviceAccounts(TokenIssuer tokens, IdentityProperties identity) {
        ServiceAccounts services = new ServiceAccounts(tokens, identity.serviceSecret());
        log.info("Service tokens (POST /api/auth/service-token): {}", services.enabled() ? "on" : "off (no sigmatiq.identity.service-secret)");
        return services;
    }
}
