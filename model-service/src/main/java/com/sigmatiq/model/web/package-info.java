/**
 * HTTP adapters: the REST controller for {@code /models}, its request and response bodies, the problem details of
 * model errors, and the outgoing client of pack-service (which forwards the caller's bearer token). Security, the
 * base problem handling and strict request bodies come from the service kit.
 */
package com.sigmatiq.model.web;
