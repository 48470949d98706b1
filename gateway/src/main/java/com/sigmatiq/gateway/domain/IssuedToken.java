package com.sigmatiq.gateway.domain;

import java.time.Instant;

/**
 * A signed access token.
 *
 * @param value     the compact JWS
 * @param expiresAt {@code exp}, UTC
 * @param lifetimeSeconds seconds from issue to expiry
 */
public record IssuedToken(String value, Instant expiresAt, long lifetimeSeconds) {
}
