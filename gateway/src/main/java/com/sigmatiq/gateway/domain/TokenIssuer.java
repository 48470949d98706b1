package com.sigmatiq.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.sigmatiq.kit.web.security.Roles;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues RS256 access tokens: {@code iss} = the configured issuer, {@code sub} = user id,
 * {@code preferred_username}, {@code roles} ({@code user}, and {@code operator} for the configured operators),
 * {@code iat}, {@code exp} = iat + ttl, {@code jti}; header {@code kid}.
 */
public final class TokenIssuer {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final Supplier<String> kid;
    private final Clock clock;
    private final Set<String> operators;

    /**
     * @param operators usernames that get the {@code operator} role (may import and replay shared market data)
     */
    public TokenIssuer(JwtEncoder encoder, String issuer, Duration ttl, String kid, Clock clock, Collection<String> operators) {
        this(encoder, issuer, ttl, () -> kid, clock, operators);
    }

    /** @param kid the active key's id at the moment of signing (it changes when the key is rotated) */
    public TokenIssuer(JwtEncoder encoder, String issuer, Duration ttl, Supplier<String> kid, Clock clock,
                       Collection<String> operators) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.ttl = ttl;
        this.kid = kid;
        this.clock = clock;
        this.operators = Set.copyOf(operators);
    }

    /** Every user is a {@code user}; the configured operators are {@code operator} as well. */
    public List<String> roles(UserAccount account) {
        return operators.contains(account.username()) ? List.of(Roles.USER, Roles.OPERATOR) : List.of(Roles.USER);
    }

    public IssuedToken issue(UserAccount account) {
        return issue(account.id().toString(), account.username(), roles(account));
    }

    /**
     * A platform service's own token: subject {@code service:<name>}, role {@code service} only. Services use it where
     * no user is at hand (a worker warming up a published model); it reaches only what the {@code service} role opens.
     */
    public IssuedToken issueForService(String service) {
        return issue(SERVICE_SUBJECT_PREFIX + service, service, List.of(Roles.SERVICE));
    }

    /** Prefix of a service token's subject. */
    public static final String SERVICE_SUBJECT_PREFIX = "service:";

    private IssuedToken issue(String subject, String username, List<String> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .claim("preferred_username", username)
                .claim(Roles.CLAIM, roles)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid.get()).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, expiresAt, ttl.toSeconds());
    }
}
