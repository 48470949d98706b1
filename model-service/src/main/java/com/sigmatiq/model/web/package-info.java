/**
 * HTTP adapter: the REST controller for {@code /models} and its request and response bodies. Security and every
 * problem answer come from the service kit: the domain's exceptions extend the kit's (invalid request, not found,
 * conflict, unavailable).
 */
package com.sigmatiq.model.web;
