/**
 * HTTP adapter: the REST controllers for {@code /models} and {@code /published-models} and their request and response
 * bodies. Security and every
 * problem answer come from the service kit: the domain's exceptions extend the kit's (invalid request, not found,
 * conflict, unavailable).
 */
package com.sigmatiq.model.web;
