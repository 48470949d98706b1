package com.sigmatiq.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The platform's services as token holders: a service that shows the secret it shares with the gateway gets a token
 * of its own ({@link TokenIssuer#issueForService}), role {@code service}. Without a configured secret no service token
 * is ever issued.
 */
public final class ServiceAccounts {

    private final TokenIssuer tokens;
    private final byte[] secret;

    /** @param secret the shared service secret; null or blank turns service tokens off */
    public ServiceAccounts(TokenIssuer tokens, String secret) {
        this.tokens = tokens;
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return secret != null;
    }

    /** @throws InvalidCredentialsException when service tokens are off or the secret differs (compared in constant time) */
    public IssuedToken issue(String service, String presentedSecret) {
        if (secret == null || presentedSecret == null
                || !MessageDigest.isEqual(secret, presentedSecret.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidCredentialsException();
        }
        return tokens.issueForService(service);
    }
}
