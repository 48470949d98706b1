/**
 * The services' plumbing, auto-configured for every service that depends on this module: {@code web} (security,
 * problem details, clock, identity and roles) and {@code messaging} (outbox and inbox). No domain types live here.
 */
package com.sigmatiq.kit;
