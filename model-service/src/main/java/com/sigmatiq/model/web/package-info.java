/**
 * HTTP adapters: the REST controller for {@code /models}, its request and response bodies, the mapping of
 * domain errors to RFC 9457 problem details, and the outgoing client of pack-service (which forwards the
 * caller's bearer token).
 */
package com.sigmatiq.model.web;
