/**
 * HTTP surface of the gateway: authentication endpoints, the JWKS document, the routes that proxy
 * {@code /api/<service>/**} to the services, and RFC 9457 problem details for every error.
 */
package com.sigmatiq.gateway.web;
