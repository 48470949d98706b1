package com.sigmatiq.alert.domain;

/**
 * What a user asks for one scope (their defaults or one published model): either part may be null to clear it.
 *
 * @param email      an e-mail address
 * @param pushUrl    an http(s) URL; with {@code pushSecret}
 * @param pushSecret 16–256 characters, the key of the webhook's HMAC-SHA256 signature
 */
public record DestinationSettings(String email, String pushUrl, String pushSecret) {
}
