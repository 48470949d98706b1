package com.sigmatiq.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues RS256 access tokens: {@code iss} = the configured issuer, {@code sub} = user id,
 * {@code preferred_username}, {@code roles} ({@code ["user"]}, with {@code "operator"} for the operators, who may
 * change shared data: bar imports and replays), {@code iat}, {@code exp} = iat + ttl, {@code jti}; header {@code kid}.
 */
public final class TokenIssuer {

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final String kid;
    private final Clock clock;
    private final Set<String> operators;

    /** A token of every user holds role {@code user}. */
    public static final String USER = "user";
    /** Held by the users named in {@code operators}. */
    public static final String OPERATOR = "operator";

    /** @param operators usernames (case-insensitive) whose tokens also hold {@value #OPERATOR} */
    public TokenIssuer(JwtEncoder encoder, String issuer, Duration ttl, String kid, Clock clock, Set<String> operators) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.ttl = ttl;
        this.kid = kid;
        this.clock = clock;
        this.operators = operators.stream().map(u -> u.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The roles of {@code account}'s tokens. */
    public List<String> roles(UserAccount account) {
        return operators.contains(account.username().toLowerCase(Locale.ROOT)) ? List.of(USER, OPERATOR) : List.of(USER);
    }

    public IssuedToken issue(UserAccount account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .claim("preferred_username", account.username())
                .claim("roles", roles(account))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, expiresAt, ttl.toSeconds());
    }
}
