/**
 * Sigmatiq gateway: identity (users, tokens, JWKS), routing to the services and the web UI origin.
 */
package com.sigmatiq.gateway;
