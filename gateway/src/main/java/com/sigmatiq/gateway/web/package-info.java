/**
 * HTTP surface of the gateway: authentication endpoints, the JWKS document, the routes that proxy
 * {@code /api/<service>/**} to the services, the web UI's deep links ({@link com.sigmatiq.gateway.web.SpaFallbackFilter}),
 * and the problem details of the gateway's own errors (the service kit answers validation, Spring MVC and unexpected
 * errors, and {@code /error}).
 */
package com.sigmatiq.gateway.web;
