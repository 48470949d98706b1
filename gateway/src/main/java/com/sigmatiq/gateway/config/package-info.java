/**
 * Typed properties ({@code sigmatiq.identity.*}, {@code sigmatiq.gateway.*}), security, OpenAPI and
 * start-up tasks such as the optional demo user.
 */
package com.sigmatiq.gateway.config;
