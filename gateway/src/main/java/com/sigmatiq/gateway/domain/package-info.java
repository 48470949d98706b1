/**
 * Identity rules: registering and authenticating users, issuing RS256 tokens with the user's roles ({@code user};
 * {@code operator} for the configured operators), and the signing key that is generated once and reused across
 * restarts.
 */
package com.sigmatiq.gateway.domain;
