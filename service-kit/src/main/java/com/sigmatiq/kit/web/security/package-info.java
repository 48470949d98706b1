/**
 * Every service as a resource server of the gateway: the security filter chain with problem-detail 401/403,
 * the token's issuer ({@link com.sigmatiq.kit.web.security.IdentityProperties}), public and role paths
 * ({@link com.sigmatiq.kit.web.security.ServiceSecurityProperties}, {@code sigmatiq.security.*}), the {@code roles}
 * claim ({@link com.sigmatiq.kit.web.security.Roles}) and the caller ({@link com.sigmatiq.kit.web.security.CurrentUser}).
 */
package com.sigmatiq.kit.web.security;
