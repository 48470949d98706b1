/**
 * Typed properties ({@code sigmatiq.identity.*} with the operators, {@code sigmatiq.gateway.*}), the gateway's own
 * security chain (with the service kit's problem 401/403), OpenAPI and start-up tasks such as the optional demo
 * user. The clock, problem details and Tomcat's error page come from the service kit.
 */
package com.sigmatiq.gateway.config;
