/**
 * The service's own identity: {@link com.sigmatiq.kit.identity.ServiceTokens} obtains and renews a token with role
 * {@code service} from the gateway, configured by {@code sigmatiq.identity.service-secret} and
 * {@code sigmatiq.identity.token-uri}.
 */
package com.sigmatiq.kit.identity;
