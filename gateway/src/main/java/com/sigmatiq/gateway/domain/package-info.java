/**
 * Identity rules: registering and authenticating users, issuing RS256 tokens, and the signing key
 * that is generated once and reused across restarts.
 */
package com.sigmatiq.gateway.domain;
