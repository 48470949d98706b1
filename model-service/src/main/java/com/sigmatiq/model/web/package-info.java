/**
 * HTTP adapters: the REST controller for {@code /models}, its request and response bodies, and the outgoing client of
 * pack-service (which forwards the caller's bearer token). Security and every problem answer come from the service
 * kit: the domain's exceptions extend the kit's (invalid request, not found, conflict, unavailable).
 */
package com.sigmatiq.model.web;
